package io.openreplay.backend.it;

/**
 * The agent attached at run time ({@code Agent-Class}) to the Tomcat 11 app, started without {@code -javaagent}
 * and serving already: every check of {@link ContainerAgentTest} passes for the requests that come after the
 * attach, although Tomcat's, logback's and the JDK's classes were loaded before the agent came.
 */
class TomcatAttachedAgentTest extends TomcatAgentTest {

  @Override
  ForkedApp.Launch configure(ForkedApp.Launch launch) {
    return launch.withoutAgent();
  }

  @Override
  void started(ForkedApp running) throws Exception {
    running.attachAgent();
  }
}
