package io.openreplay.backend.testkit.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/** A real, private logback context configured by Joran from an XML text, as a user's logback.xml would be. */
public final class XmlLogback implements AutoCloseable {

  private final LoggerContext context;

  private XmlLogback(LoggerContext context) {
    this.context = context;
  }

  /**
   * @param xml the configuration, a whole {@code <configuration>} element
   * @param properties context properties the XML refers to as {@code ${name}}
   * @return the started context
   */
  public static XmlLogback configure(String xml, Map<String, String> properties) {
    LoggerContext context = new LoggerContext();
    context.setName("test-" + System.nanoTime());
    // The MDC that application code writes through org.slf4j.MDC, as in the default context.
    context.setMDCAdapter(MDC.getMDCAdapter());
    properties.forEach(context::putProperty);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (JoranException e) {
      throw new IllegalStateException("logback configuration failed: " + statuses(context, Status.WARN), e);
    }
    String errors = statuses(context, Status.ERROR);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("logback configuration reported errors: " + errors);
    }
    return new XmlLogback(context);
  }

  /**
   * @param minimumLevel {@link Status#INFO}, {@link Status#WARN} or {@link Status#ERROR}
   * @return the messages of the context's statuses at or above that level, joined
   */
  public String statuses(int minimumLevel) {
    return statuses(context, minimumLevel);
  }

  private static String statuses(LoggerContext context, int minimumLevel) {
    List<Status> list = context.getStatusManager().getCopyOfStatusList();
    return list.stream()
        .filter(status -> status.getEffectiveLevel() >= minimumLevel)
        .map(status -> status.getMessage() + (status.getThrowable() == null ? "" : " " + status.getThrowable()))
        .collect(Collectors.joining("; "));
  }

  /**
   * @param name the logger name
   * @return a logger of this context
   */
  public org.slf4j.Logger logger(String name) {
    return context.getLogger(name);
  }

  /** Stops the context: appenders flush and close (an async appender drains its queue first). */
  @Override
  public void close() {
    context.stop();
  }
}
