package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8, item 5: executors keep the application's tasks. The {@code queued-tasks} scenario blocks the only worker
 * of a {@code ThreadPoolExecutor} and of a {@code ScheduledThreadPoolExecutor}, queues tasks, and reports what
 * {@code getQueue()}, {@code remove(task)}, {@code shutdownNow()}, {@code beforeExecute} and
 * {@code afterExecute} show it. The app runs it once without the agent and then with it, with and without the
 * header: the reports are identical. With the agent, the tasks queued during the request still run with its token,
 * a task queued by the application's own thread runs with none on the same worker right after one that had it, and
 * the tasks the application removed never run.
 */
class QueuedTasksAgentTest {

  private static final String SCENARIO = "/s/queued-tasks?id=";
  /** The tasks that run, queued during the request. */
  private static final List<String> WITH_TOKEN = List.of("t0", "t3", "u0", "u1", "u2", "s0", "s3");
  /** The tasks that run, queued by the application's own thread. */
  private static final List<String> WITHOUT_TOKEN = List.of("t2", "s2");
  /** The tasks the application removed from the queue. */
  private static final List<String> REMOVED = List.of("t1", "t4", "s1");

  @Test
  void anAppOnTomcatFindsAndRemovesItsOwnQueuedTasksWithTheAgentAsWithout() throws Exception {
    compare(() -> ForkedApp.app("tomcat", "io.openreplay.backend.it.tomcat.TomcatApp"));
  }

  @Test
  void anAppOnJava25FindsAndRemovesItsOwnQueuedTasksWithTheAgentAsWithout() throws Exception {
    Path jdk25 = Jdks.java25();
    compare(() -> ForkedApp.app("jetty12", "io.openreplay.backend.it.jetty12.JettyApp").javaHome(jdk25));
  }

  private static void compare(Supplier<ForkedApp.Launch> launch) throws Exception {
    Session session = Session.next();
    String plain;
    try (ForkedApp app = launch.get().withoutAgent().start()) {
      plain = scenario(app, session.marker(), true, session);
    }
    assertIsWhatTheJdkDoes(plain);

    try (ForkedApp app = launch.get().start()) {
      assertEquals(plain, scenario(app, session.marker(), true, session), "with the agent and the header");
      String unmarked = session.marker() + "n";
      assertEquals(plain, scenario(app, unmarked, false, session).replace(unmarked, session.marker()),
          "with the agent, without the header");

      for (String task : WITH_TOKEN) {
        ContainerAgentTest.assertCarries(theEvent(app, session.marker(), task), session, true);
      }
      for (String task : WITHOUT_TOKEN) {
        ContainerAgentTest.assertCarriesNothing(theEvent(app, session.marker(), task));
      }
      String worker = text(theEvent(app, session.marker(), "t0"), "thread_name");
      for (String task : List.of("t2", "t3")) {
        assertEquals(worker, text(theEvent(app, session.marker(), task), "thread_name"),
            () -> task + " ran on the pool's only worker, after t0");
      }
      // The log is written in order: once the events above arrived, those of any removed task would have too.
      for (String task : REMOVED) {
        assertEquals(List.of(), app.log().events().stream().filter(taskEvent(session.marker(), task)).toList(),
            task + " was removed and never ran");
      }
      for (String task : WITH_TOKEN) {
        ContainerAgentTest.assertCarriesNothing(theEvent(app, unmarked, task));
      }
    }
  }

  /** Runs the scenario and returns its report. */
  private static String scenario(ForkedApp app, String marker, boolean withHeader, Session session) throws Exception {
    HttpResponse<String> response = withHeader
        ? app.get(SCENARIO + marker, ContainerAgentTest.HEADER, session.token())
        : app.get(SCENARIO + marker);
    assertEquals(200, response.statusCode(), response::body);
    return response.body();
  }

  /** What the JDK's executors show an application, which the app without the agent reports. */
  private static void assertIsWhatTheJdkDoes(String report) {
    for (String line : List.of(
        "thread-pool queue: t0, t1, t2, t3's future, t4's future",
        "thread-pool remove(t1): true",
        "thread-pool remove(t4's future): true",
        "thread-pool queue after removal: t0, t2, t3's future",
        "thread-pool ran: t0, t2, t3",
        "thread-pool t4's future done: false",
        "thread-pool beforeExecute saw: blocker, t0, t2, t3's future",
        "thread-pool afterExecute saw: blocker, t0, t2, t3's future",
        "shutdownNow returned: u0, u1, u2's future",
        "shutdownNow tasks run by the application: u0, u1, u2",
        "scheduled queue: s0's future, s1's future, s2's future, s3's future",
        "scheduled remove(s1's future): true",
        "scheduled queue after removal: s0's future, s2's future, s3's future",
        "scheduled ran: s0, s2, s3",
        "scheduled s0's future done: true, s1's future done: false")) {
      assertTrue(report.contains(line + "\n"), () -> "expected \"" + line + "\" in:\n" + report);
    }
    assertFalse(report.contains("not the application's"), report);
  }

  private static Predicate<JsonNode> taskEvent(String marker, String task) {
    return messageContains("scenario queued id=" + marker + " task=" + task);
  }

  /** The one event of {@code task}'s run, once it arrived. */
  private static JsonNode theEvent(ForkedApp app, String marker, String task) throws Exception {
    List<JsonNode> events = app.log().await(taskEvent(marker, task), 1, ContainerAgentTest.WAIT);
    assertEquals(1, events.size(), () -> task + " logged once: " + events);
    return events.get(0);
  }
}
