package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Java 21+ threads with only {@code -javaagent}: the Jetty 12 app on the Java 25 JDK ({@link Jdks#java25()}) runs the
 * {@code virtual-threads} scenario, which starts virtual threads through {@code Thread.ofVirtual().start},
 * {@code unstarted(...).start()}, a virtual {@code ThreadFactory} and {@code Thread.startVirtualThread}, from a
 * virtual thread too, and hands tasks to {@code Executors.newVirtualThreadPerTaskExecutor()} ({@code submit},
 * {@code execute}, {@code invokeAll}) and to a thread-per-task executor of platform threads. Every error it logs
 * during a request with a token carries that token, after {@code Thread.yield()} too; during a request without one,
 * none. The app's virtual threads share one carrier ({@code jdk.virtualThreadScheduler.parallelism=1}), so the
 * tasks without a token run on the very carrier that ran tokened ones just before, and two sessions' requests
 * served at the same time interleave on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VirtualThreadsAgentTest {

  /** What the scenario logs, one error each. */
  static final List<String> KINDS = List.of("virtual-builder", "virtual-after-yield", "virtual-nested",
      "virtual-unstarted", "virtual-factory", "virtual-startVirtualThread", "virtual-executor-submit-callable",
      "virtual-executor-submit-runnable", "virtual-executor-execute", "virtual-executor-invokeall-0",
      "virtual-executor-invokeall-1", "platform-per-task-executor");
  static final String SCENARIO = "/s/virtual-threads?id=";

  private ForkedApp app;

  @BeforeAll
  void startApp() throws Exception {
    app = ForkedApp.app("jetty12", "io.openreplay.backend.it.jetty12.JettyApp")
        .javaHome(Jdks.java25())
        .jvmOption("-Djdk.virtualThreadScheduler.parallelism=1")
        .start();
  }

  @AfterAll
  void stopApp() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void virtualThreadsStartedDuringARequestCarryItsTokenAndNoneWithoutOne() throws Exception {
    Session session = Session.next();
    assertServed(app.get(SCENARIO + session.marker(), ContainerAgentTest.HEADER, session.token()), session.marker());
    assertEveryKindCarries(app, session);

    String unmarked = Session.next().marker();
    assertServed(app.get(SCENARIO + unmarked), unmarked);
    for (JsonNode event : eachKind(app, unmarked)) {
      ContainerAgentTest.assertCarriesNothing(event);
    }

    Session next = Session.next();
    assertServed(app.get(SCENARIO + next.marker(), ContainerAgentTest.HEADER, next.token()), next.marker());
    assertEveryKindCarries(app, next);
  }

  @Test
  void twoSessionsServedAtOnceOnOneCarrierEachSeeOnlyTheirOwnToken() throws Exception {
    Session first = Session.next();
    Session second = Session.next();
    CompletableFuture<HttpResponse<String>> firstResponse = CompletableFuture.supplyAsync(() -> get(first));
    CompletableFuture<HttpResponse<String>> secondResponse = CompletableFuture.supplyAsync(() -> get(second));
    assertServed(firstResponse.get(ContainerAgentTest.WAIT.toSeconds(), TimeUnit.SECONDS), first.marker());
    assertServed(secondResponse.get(ContainerAgentTest.WAIT.toSeconds(), TimeUnit.SECONDS), second.marker());
    assertEveryKindCarries(app, first);
    assertEveryKindCarries(app, second);
  }

  private HttpResponse<String> get(Session session) {
    try {
      return app.get(SCENARIO + session.marker(), ContainerAgentTest.HEADER, session.token());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertServed(HttpResponse<String> response, String marker) {
    assertEquals(200, response.statusCode(), response::body);
    assertEquals("virtual-threads " + marker, response.body());
  }

  /** Every kind's error of the scenario run with the session's marker carries its token, MDC and prefix. */
  static void assertEveryKindCarries(ForkedApp app, Session session) throws Exception {
    for (JsonNode event : eachKind(app, session.marker())) {
      ContainerAgentTest.assertCarries(event, session, true);
    }
  }

  /** The one error of each kind logged by the scenario run with {@code marker}. */
  static List<JsonNode> eachKind(ForkedApp app, String marker) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (String kind : KINDS) {
      List<JsonNode> events =
          app.log().await(messageContains("scenario " + kind + " id=" + marker), 1, ContainerAgentTest.WAIT);
      assertEquals(1, events.size(), kind);
      all.add(events.get(0));
    }
    return all;
  }
}
