package io.openreplay.backend.bench.clinic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs {@value #MESSAGE_START}{@code <port>/} once Tomcat accepts connections, so that whoever started the clinic
 * with {@code --server.port=0} learns where it serves.
 */
@Component
public class ServingAnnouncement implements ApplicationListener<WebServerInitializedEvent> {

  /** The start of the line that announces the address; the port and a slash follow. */
  public static final String MESSAGE_START = "clinic serving on http://127.0.0.1:";

  private static final Logger LOG = LoggerFactory.getLogger(ServingAnnouncement.class);

  /** Creates the announcement; Spring calls it when the web server has started. */
  public ServingAnnouncement() {
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    LOG.info("{}{}/", MESSAGE_START, event.getWebServer().getPort());
  }
}
