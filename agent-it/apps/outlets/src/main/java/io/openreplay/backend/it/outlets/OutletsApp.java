package io.openreplay.backend.it.outlets;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat 11 application on 127.0.0.1 whose checkout errors go to Sentry, Rollbar and CloudWatch Logs
 * through its logback.xml; prints {@code LISTENING PORT} once it serves. Its settings, all system properties:
 * {@code it.sentry.dsn}, {@code it.rollbar.endpoint}, {@code it.rollbar.accessToken},
 * {@code it.cloudwatch.endpoint} and {@code it.cloudwatch.logGroup}.
 */
public final class OutletsApp {

  private OutletsApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("outlets-app").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    Tomcat.addServlet(context, "checkout", new CheckoutServlet());
    context.addServletMappingDecoded("/checkout/*", "checkout");
    tomcat.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    tomcat.getServer().await();
  }
}
