package io.openreplay.backend.it.tomcat9;

import io.openreplay.backend.it.scenario.Scenarios;
import io.openreplay.backend.it.servlets.javax.ScenarioInitializer;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** An embedded Tomcat 9 (javax.servlet) application on 127.0.0.1; prints {@code LISTENING PORT} once it serves. */
public final class Tomcat9App {

  private Tomcat9App() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Scenarios scenarios = new Scenarios();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat-app").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(new ScenarioInitializer(scenarios), null);
    tomcat.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    tomcat.getServer().await();
  }
}
