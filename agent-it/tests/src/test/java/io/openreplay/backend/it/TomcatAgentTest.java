package io.openreplay.backend.it;

/** Embedded Tomcat 11 (jakarta.servlet), its JUL logging bridged into logback, with only {@code -javaagent} added. */
class TomcatAgentTest extends ContainerAgentTest {

  @Override
  String appName() {
    return "tomcat";
  }

  @Override
  String mainClass() {
    return "io.openreplay.backend.it.tomcat.TomcatApp";
  }

  @Override
  boolean containerLogsUncaughtAtError() {
    return true;
  }
}
