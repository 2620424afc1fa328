package io.openreplay.backend.it.servlets;

import io.openreplay.backend.it.scenario.Scenarios;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/** Registers the scenario servlets as the web application starts, the same way on every container. */
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
