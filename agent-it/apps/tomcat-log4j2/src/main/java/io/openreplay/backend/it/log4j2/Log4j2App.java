package io.openreplay.backend.it.log4j2;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * An embedded Tomcat 10.1 application on 127.0.0.1 that logs through the Log4j 2 API; prints {@code LISTENING PORT}
 * once it serves. Its log4j2 configuration is chosen as users choose it ({@code log4j2.configurationFile},
 * {@code log4j2.contextSelector}); besides its configured appenders it records what an error tracker groups by
 * ({@link MessageTemplates}) in the file {@code it.templates.file}.
 */
public final class Log4j2App {

  private Log4j2App() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    LoggerContext logging = (LoggerContext) LogManager.getContext(false);
    MessageTemplates.addTo(logging, System.getProperty("it.templates.file"));
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("log4j2-app").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "payment", new PaymentServlet());
    context.addServletMappingDecoded("/payment", "payment");
    tomcat.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    tomcat.getServer().await();
  }
}
