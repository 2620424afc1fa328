package io.openreplay.backend.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One of the java.util.logging apps, run once with only {@code -javaagent} added and once without, each getting
 * the same {@link JulRequests}; the tests compare what the app's handlers rendered in the two runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JulAppAgentTest {

  /** What each handler rendered, by handler, with the agent. */
  Map<String, RenderedLog> withAgent;
  /** The same without the agent. */
  Map<String, RenderedLog> withoutAgent;

  private final String appName;
  private final String mainClass;
  private final JulRequests requests;

  /**
   * @param appName the app module's folder name under agent-it/apps
   * @param mainClass the app's main class
   * @param requests the requests sent, with markers of this test's own
   */
  JulAppAgentTest(String appName, String mainClass, JulRequests requests) {
    this.appName = appName;
    this.mainClass = mainClass;
    this.requests = requests;
  }

  /** The app's launch, with its settings added. */
  abstract ForkedApp.Launch configure(ForkedApp.Launch launch);

  /** What the app's handlers (writing into {@code dir}, the console into the app's output) rendered. */
  abstract Map<String, RenderedLog> rendered(ForkedApp app, Path dir) throws Exception;

  @BeforeAll
  void runTheAppWithAndWithoutTheAgent() throws Exception {
    withAgent = run(true);
    withoutAgent = run(false);
  }

  private Map<String, RenderedLog> run(boolean agent) throws Exception {
    Path dir = Files.createTempDirectory(ItPaths.runsDir(), appName + "-" + (agent ? "agent" : "plain") + "-");
    ForkedApp.Launch launch = configure(ForkedApp.app(appName, mainClass).property("it.jul.dir", dir.toString()));
    try (ForkedApp app = (agent ? launch : launch.withoutAgent()).start()) {
      requests.sendTo(app);
      return rendered(app, dir);
    }
  }
}
