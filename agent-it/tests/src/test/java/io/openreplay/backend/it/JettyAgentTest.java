package io.openreplay.backend.it;

/** Jetty 12 (ee10, jakarta.servlet) with only {@code -javaagent} added. */
class JettyAgentTest extends ContainerAgentTest {

  @Override
  String appName() {
    return "jetty12";
  }

  @Override
  String mainClass() {
    return "io.openreplay.backend.it.jetty12.JettyApp";
  }

  @Override
  boolean containerLogsUncaughtAtError() {
    return false;
  }
}
