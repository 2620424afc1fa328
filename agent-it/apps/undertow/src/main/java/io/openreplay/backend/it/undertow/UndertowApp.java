package io.openreplay.backend.it.undertow;

import io.openreplay.backend.filter.OpenReplayFilter;
import io.openreplay.backend.filter.OpenReplayRequestListener;
import io.openreplay.backend.it.scenario.Scenarios;
import io.openreplay.backend.it.servlets.ScenarioInitializer;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * A plain Undertow servlet deployment on 127.0.0.1; prints {@code LISTENING PORT} once it serves. With
 * {@code -Dit.openreplayFilter=true} it also has the {@code filter} module's filter and request listener, declared in
 * its {@code DeploymentInfo} as a user of the library on plain Undertow would ({@code -Dit.openreplayFilter.listener=false}
 * leaves the listener out).
 */
public final class UndertowApp {

  private UndertowApp() {
  }

  /**
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Scenarios scenarios = new Scenarios();
    DeploymentInfo deployment = Servlets.deployment()
        .setClassLoader(UndertowApp.class.getClassLoader())
        .setContextPath("/")
        .setDeploymentName("scenarios")
        .addServletContainerInitializer(new ServletContainerInitializerInfo(ScenarioInitializer.class,
            new ImmediateInstanceFactory<>(new ScenarioInitializer(scenarios)), Set.of()))
        .addServlet(Servlets.servlet("worker", WorkerTaskServlet.class).addMapping("/worker"));
    if (Boolean.getBoolean("it.openreplayFilter")) {
      deployment.addFilter(Servlets.filter("openreplay", OpenReplayFilter.class).setAsyncSupported(true));
      for (DispatcherType type : DispatcherType.values()) {
        deployment.addFilterUrlMapping("openreplay", "/*", type);
      }
      if (!"false".equals(System.getProperty("it.openreplayFilter.listener"))) {
        deployment.addListener(Servlets.listener(OpenReplayRequestListener.class));
      }
    }
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
    manager.deploy();
    HttpHandler handler = manager.start();
    Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(handler).build();
    server.start();
    InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    System.out.println("LISTENING " + address.getPort());
  }
}
