package io.openreplay.backend.it;

import static io.openreplay.backend.it.AppLog.messageContains;
import static io.openreplay.backend.it.AppLog.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The Tomcat 11 app with logstash-logback-encoder 7 or 8 (Jackson 2) instead of 9 (Jackson 3): with only
 * {@code -javaagent} added, the JSON {@code message} of an ERROR logged during a request with a token starts with
 * the prefix and carries the MDC keys; an INFO line carries the keys only; without the agent the same request's
 * lines are what they are with the agent less the token.
 */
class LogstashJackson2AgentTest {

  private static final String MAIN = "io.openreplay.backend.it.tomcat.TomcatApp";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tomcat-logstash7", "tomcat-logstash8"})
  void theJackson2MessageProviderWritesThePrefixIntoErrorMessagesOnly(String appModule) throws Exception {
    String plainError;
    try (ForkedApp plain = ForkedApp.app(appModule, MAIN).withoutAgent().start()) {
      Session session = Session.next();
      assertEquals(200, plain.get("/s/log?id=" + session.marker(), ContainerAgentTest.HEADER, session.token())
          .statusCode());
      List<JsonNode> error = plain.log().await(messageContains("scenario error id=" + session.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, error.size());
      ContainerAgentTest.assertCarriesNothing(error.get(0));
      plainError = text(error.get(0), "message").replace(session.marker(), "MARKER");
    }

    try (ForkedApp app = ForkedApp.app(appModule, MAIN).start()) {
      Session session = Session.next();
      assertEquals(200, app.get("/s/log?id=" + session.marker(), ContainerAgentTest.HEADER, session.token())
          .statusCode());
      List<JsonNode> error = app.log().await(messageContains("scenario error id=" + session.marker()), 1,
          ContainerAgentTest.WAIT);
      List<JsonNode> info = app.log().await(messageContains("scenario info id=" + session.marker()), 1,
          ContainerAgentTest.WAIT);
      assertEquals(1, error.size());
      assertEquals(1, info.size());
      ContainerAgentTest.assertCarries(error.get(0), session, true);
      ContainerAgentTest.assertCarries(info.get(0), session, false);
      assertEquals(session.prefix() + plainError,
          text(error.get(0), "message").replace(session.marker(), "MARKER"));
    }
  }
}
