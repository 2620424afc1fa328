package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An application with no logback, Sentry or Rollbar (Tomcat 11, java.util.logging): with the agent it answers
 * every request byte for byte as without it, whatever the headers, and the agent writes nothing of its own.
 */
class BareAppTest {

  private static final String MAIN = "io.openreplay.backend.it.bare.BareApp";
  private static final String TOKEN = TestTokens.CONTRACT_TOKEN;

  /** Path and headers of each request compared. */
  private static final List<String[]> REQUESTS = List.of(
      new String[] {"/hello"},
      new String[] {"/hello", "X-OpenReplay-SessionToken", TOKEN},
      new String[] {"/work", "X-OpenReplay-Session-Token", TOKEN},
      new String[] {"/work"},
      new String[] {"/echo", "X-OpenReplay-SessionToken", TOKEN, "openReplaySession.id", "12345"},
      new String[] {"/echo", "X-OpenReplay-SessionToken", "bad value with spaces"},
      new String[] {"/throw", "X-OpenReplay-SessionToken", TOKEN},
      new String[] {"/async", "X-OpenReplay-SessionToken", TOKEN},
      new String[] {"/missing", "X-OpenReplay-SessionToken", TOKEN},
      new String[] {"/internals"});

  @Test
  void responsesWithTheAgentAreIdenticalToResponsesWithout() throws Exception {
    List<String> plain;
    try (ForkedApp app = ForkedApp.app("bare", MAIN).withoutAgent().start()) {
      plain = responses(app);
    }
    List<String> withAgent;
    String agentOutput;
    try (ForkedApp app = ForkedApp.app("bare", MAIN).start()) {
      withAgent = responses(app);
      agentOutput = app.output();
    }
    assertEquals(plain, withAgent);
    assertTrue(plain.get(plain.size() - 1).endsWith("jdk.internal.misc exported false, open false"), plain::toString);
    assertFalse(agentOutput.contains("[openreplay-agent]"), () -> "the agent wrote: " + agentOutput);
    assertFalse(agentOutput.contains("VM warning"), () -> "the JVM warned: " + agentOutput);
  }

  private static List<String> responses(ForkedApp app) throws Exception {
    List<String> responses = new ArrayList<>();
    for (String[] request : REQUESTS) {
      String[] headers = java.util.Arrays.copyOfRange(request, 1, request.length);
      HttpResponse<String> response = app.get(request[0], headers);
      responses.add(request[0] + " -> " + response.statusCode() + " "
          + response.headers().firstValue("content-type").orElse("") + " "
          + response.headers().firstValue("content-length").orElse("") + "\n" + response.body());
    }
    return responses;
  }
}
