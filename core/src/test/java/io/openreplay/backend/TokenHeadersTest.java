package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openreplay.backend.testing.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/** The rule that picks a request's token from its headers, which the servlet filter and WebFlux both apply. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenHeadersTest {

  private static final String A = Tokens.forSession(111111111111L);
  private static final String B = Tokens.forSession(222222222222L);

  /** Headers as an HTTP request has them (names case-insensitive, values in arrival order), or none at all. */
  private static final class Request {
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    boolean http = true;
    int enumerations;

    Request header(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }
  }

  private static final HeaderReader<Request> READER = new HeaderReader<>() {
    @Override
    public String header(Request request, String name) {
      List<String> values = request.http ? request.headers.get(name) : null;
      return values == null ? null : values.get(0);
    }

    @Override
    public Enumeration<String> headers(Request request, String name) {
      request.enumerations++;
      return request.http ? Collections.enumeration(request.headers.getOrDefault(name, List.of())) : null;
    }
  };

  private static String found(TokenHeaders headers, Request request) {
    SessionToken token = headers.find(request, READER);
    return token == null ? null : token.token() != null ? token.token() : token.sessionId();
  }

  @Test
  void defaultNamesInTheContractsOrder() {
    assertEquals(List.of("X-OpenReplay-SessionToken", "X-OpenReplay-Session-Token", "openReplaySession.id"),
        TokenHeaders.DEFAULT.names());
    assertEquals(HeaderNames.DEFAULT, TokenHeaders.DEFAULT.names());
  }

  @Test
  void configuredNamesAreTrimmedDedupedAndFallBack() {
    assertEquals(List.of("X-A", "X-B"), TokenHeaders.configured(" X-A , ,x-a,X-B ").names());
    assertEquals(List.of("X-Session", "openReplaySession.id"),
        TokenHeaders.configured(" X-Session , ,x-session,openReplaySession.id").names());
    assertEquals(List.of("X-C"), TokenHeaders.configured(null, "  ", "X-C", "X-D").names());
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.configured(null, " , ,"));
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.configured(" , "));
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.configured((String) null));
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.configured());
  }

  @Test
  void theContractsTokenAndABareSessionId() {
    SessionToken token = TokenHeaders.DEFAULT.find(
        new Request().header("X-OpenReplay-SessionToken", Tokens.CONTRACT_TOKEN), READER);
    assertEquals(Tokens.CONTRACT_TOKEN, token.token());
    assertEquals(Tokens.CONTRACT_ID, token.sessionId());
    SessionToken id =
        TokenHeaders.DEFAULT.find(new Request().header("openReplaySession.id", Tokens.CONTRACT_ID), READER);
    assertNull(id.token());
    assertEquals(Tokens.CONTRACT_ID, id.sessionId());
  }

  @Test
  void firstConfiguredNameWithAValidValueWins() {
    Request request = new Request()
        .header("openReplaySession.id", "12345")
        .header("x-openreplay-session-token", B)
        .header("X-OpenReplay-SessionToken", "bad value");
    assertEquals(B, found(TokenHeaders.DEFAULT, request), "the next name, matched case-insensitively");
    request.header("x-openreplay-sessiontoken", A);
    assertEquals(A, found(TokenHeaders.DEFAULT, request));
    assertEquals("12345", found(TokenHeaders.configured("openReplaySession.id, X-OpenReplay-SessionToken"), request));
    request.header("X-Session", Tokens.CONTRACT_TOKEN);
    assertEquals(Tokens.CONTRACT_TOKEN,
        found(TokenHeaders.configured("x-session, X-OpenReplay-SessionToken"), request));
  }

  @Test
  void firstValidValueOfARepeatedHeaderWins() {
    Request request = new Request()
        .header("X-OpenReplay-SessionToken", "a]b")
        .header("X-OpenReplay-SessionToken", A)
        .header("X-OpenReplay-SessionToken", B);
    assertEquals(A, found(TokenHeaders.DEFAULT, request));
  }

  @Test
  void allValuesAreReadOnlyWhenTheFirstIsInvalid() {
    Request valid = new Request().header("X-OpenReplay-SessionToken", A).header("X-OpenReplay-SessionToken", B);
    assertEquals(A, found(TokenHeaders.DEFAULT, valid));
    Request absent = new Request().header("Other", A);
    assertNull(found(TokenHeaders.DEFAULT, absent));
    assertEquals(0, valid.enumerations + absent.enumerations);
    Request invalidFirst =
        new Request().header("X-OpenReplay-SessionToken", "bad value").header("X-OpenReplay-SessionToken", B);
    assertEquals(B, found(TokenHeaders.DEFAULT, invalidFirst));
    assertEquals(1, invalidFirst.enumerations);
  }

  @Test
  void invalidValuesAreIgnoredEverywhere() {
    Request all = new Request();
    for (String value : Tokens.rejectedCorpus()) {
      assertNull(found(TokenHeaders.DEFAULT, new Request().header("X-OpenReplay-SessionToken", value)), value);
      all.header("X-OpenReplay-SessionToken", value).header("X-OpenReplay-Session-Token", value)
          .header("openReplaySession.id", value);
    }
    assertNull(found(TokenHeaders.DEFAULT, all));
  }

  @Test
  void onlyABoundedNumberOfRepeatedValuesIsRead() {
    Request request = new Request();
    for (int i = 0; i < TokenHeaders.MAX_VALUES_PER_NAME; i++) {
      request.header("X-OpenReplay-SessionToken", "bad value " + i);
    }
    request.header("X-OpenReplay-SessionToken", A);
    assertEquals(16, TokenHeaders.MAX_VALUES_PER_NAME);
    assertNull(found(TokenHeaders.DEFAULT, request), "no more than the first 16 values are looked at");
    request.header("X-OpenReplay-Session-Token", B);
    assertEquals(B, found(TokenHeaders.DEFAULT, request));
  }

  @Test
  void aRequestWithoutHeadersHasNoToken() {
    Request notHttp = new Request().header("X-OpenReplay-SessionToken", A);
    notHttp.http = false;
    assertNull(found(TokenHeaders.DEFAULT, notHttp));
  }

  /** First, before any other test of this JVM has used the minute's line. */
  @Test
  @Order(1)
  void invalidValuesAreToldAtMostOnceWithoutTheValue() {
    Logger logger = (Logger) LoggerFactory.getLogger(TokenHeaders.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(lines);
    try {
      String forged = "jw4wdfpgqhoj\n[ERROR] forged line";
      for (int i = 0; i < 50; i++) {
        assertNull(found(TokenHeaders.DEFAULT, new Request().header("X-OpenReplay-SessionToken", forged)
            .header("X-OpenReplay-SessionToken", forged + i)));
      }
      assertEquals(1, lines.list.size(), "one line, rate-limited");
      for (ILoggingEvent line : lines.list) {
        assertEquals(Level.DEBUG, line.getLevel());
        assertFalse(line.getFormattedMessage().contains("forged"), line.getFormattedMessage());
      }
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(level);
    }
  }
}
