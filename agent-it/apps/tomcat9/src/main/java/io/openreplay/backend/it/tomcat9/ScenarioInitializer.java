package io.openreplay.backend.it.tomcat9;

import io.openreplay.backend.it.scenario.Scenarios;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import java.util.Set;

/** Registers the scenario servlets as the web application starts, on Tomcat 9 (javax.servlet). */
public final class ScenarioInitializer implements ServletContainerInitializer {

  private final Scenarios scenarios;

  /**
   * @param scenarios what the servlets run
   */
  public ScenarioInitializer(Scenarios scenarios) {
    this.scenarios = scenarios;
  }

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    ScenarioServlets.register(context, scenarios);
  }
}
