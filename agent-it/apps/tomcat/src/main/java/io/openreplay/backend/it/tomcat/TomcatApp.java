package io.openreplay.backend.it.tomcat;

import io.openreplay.backend.it.scenario.Scenarios;
import io.openreplay.backend.it.servlets.ScenarioInitializer;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * An embedded Tomcat 11 application on 127.0.0.1; prints {@code LISTENING PORT} once it serves. With
 * {@code -Dit.openreplayFilter=true} it also has the {@code filter} module's filter and request listener; with
 * {@code -Dit.virtualThreads=true} (Java 21+) its connector serves each request on a virtual thread of its own.
 */
public final class TomcatApp {

  private TomcatApp() {
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
    if (Boolean.getBoolean("it.virtualThreads")) {
      connector.setProperty("useVirtualThreads", "true");
    }
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    if (Boolean.getBoolean("it.openreplayFilter")) {
      OpenReplayFilterSetup.addTo(context);
    }
    context.addServletContainerInitializer(new ScenarioInitializer(scenarios), null);
    tomcat.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    tomcat.getServer().await();
  }
}
