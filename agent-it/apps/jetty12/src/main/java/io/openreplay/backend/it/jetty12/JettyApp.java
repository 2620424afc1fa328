package io.openreplay.backend.it.jetty12;

import io.openreplay.backend.it.scenario.Scenarios;
import io.openreplay.backend.it.servlets.ScenarioInitializer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty 12 application on 127.0.0.1; prints {@code LISTENING PORT} once it serves. */
public final class JettyApp {

  private JettyApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Scenarios scenarios = new Scenarios();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer(new ScenarioInitializer(scenarios));
    server.setHandler(context);
    server.start();
    System.out.println("LISTENING " + connector.getLocalPort());
    server.join();
  }
}
