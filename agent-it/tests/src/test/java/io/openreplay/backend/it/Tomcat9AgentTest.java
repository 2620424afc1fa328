package io.openreplay.backend.it;

/** Embedded Tomcat 9 (javax.servlet), its JUL logging bridged into logback, with only {@code -javaagent} added. */
class Tomcat9AgentTest extends ContainerAgentTest {

  @Override
  String appName() {
    return "tomcat9";
  }

  @Override
  String mainClass() {
    return "io.openreplay.backend.it.tomcat9.Tomcat9App";
  }

  @Override
  boolean containerLogsUncaughtAtError() {
    return true;
  }
}
