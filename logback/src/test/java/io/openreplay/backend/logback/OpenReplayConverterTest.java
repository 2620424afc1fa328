package io.openreplay.backend.logback;

import io.openreplay.backend.testkit.logback.XmlLogback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import io.openreplay.backend.SessionToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** {@code %openReplay} through real logback: Joran-configured from XML, written by a real file appender. */
class OpenReplayConverterTest {

  static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  static final String SESSION_ID = "2618307011354435587";
  static final String BOTH = "[openReplaySessionToken=" + TOKEN + "] [openReplaySession.id=" + SESSION_ID + "] ";

  @TempDir
  Path dir;

  private String fileAppender(String encoder) {
    return "<appender name='FILE' class='ch.qos.logback.core.FileAppender'>"
        + "<file>${logFile}</file>" + encoder + "</appender>";
  }

  private String configuration(String rule, String appenders, String rootAppender) {
    return "<configuration>" + rule + appenders
        + "<root level='INFO'><appender-ref ref='" + rootAppender + "'/></root></configuration>";
  }

  private static final String RULE =
      "<conversionRule conversionWord='openReplay' class='io.openreplay.backend.logback.OpenReplayConverter'/>";

  private List<String> logWith(String xml, Map<String, String> mdc, String message) throws IOException {
    Path file = Files.createTempFile(dir, "out", ".log");
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("logFile", file.toString()))) {
      Logger logger = logback.logger("test");
      mdc.forEach(MDC::put);
      try {
        logger.info(message);
      } finally {
        MDC.clear();
      }
      assertEquals("", logback.statuses(Status.ERROR));
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private String patternConfig(String pattern) {
    return configuration(RULE, fileAppender("<encoder><pattern>" + pattern + "</pattern></encoder>"), "FILE");
  }

  @Test
  void writesTokenAndSessionIdBeforeTheMessage() throws IOException {
    List<String> lines = logWith(patternConfig("%level %openReplay%msg%n"),
        Map.of(SessionToken.TOKEN_KEY, TOKEN), "boom");
    assertEquals(List.of("INFO " + BOTH + "boom"), lines);
  }

  @Test
  void writesNoSecondPrefixWhenTheMessageAlreadyHasOne() throws IOException {
    // The -javaagent writes the prefix into ERROR messages itself; the pattern must not add another one.
    List<String> lines = logWith(patternConfig("%level %openReplay%msg%n"),
        Map.of(SessionToken.TOKEN_KEY, TOKEN), BOTH + "boom");
    assertEquals(List.of("INFO " + BOTH + "boom"), lines);
  }

  @Test
  void optionG1WritesOnlyTheToken() throws IOException {
    List<String> lines = logWith(patternConfig("%openReplay{G1}%msg%n"), Map.of(SessionToken.TOKEN_KEY, TOKEN), "m");
    assertEquals(List.of("[openReplaySessionToken=" + TOKEN + "] m"), lines);
  }

  @Test
  void optionG2WritesOnlyTheSessionId() throws IOException {
    List<String> lines = logWith(patternConfig("%openReplay{g2}%msg%n"), Map.of(SessionToken.TOKEN_KEY, TOKEN), "m");
    assertEquals(List.of("[openReplaySession.id=" + SESSION_ID + "] m"), lines);
  }

  @Test
  void bareSessionIdServesOnlyG2() throws IOException {
    List<String> lines = logWith(patternConfig("%openReplay%msg%n"),
        Map.of(SessionToken.SESSION_ID_KEY, SESSION_ID), "m");
    assertEquals(List.of("[openReplaySession.id=" + SESSION_ID + "] m"), lines);
    assertEquals(List.of("m"), logWith(patternConfig("%openReplay{G1}%msg%n"),
        Map.of(SessionToken.SESSION_ID_KEY, SESSION_ID), "m"));
  }

  @Test
  void writesNothingWithoutAToken() throws IOException {
    assertEquals(List.of("INFO m"), logWith(patternConfig("%level %openReplay%msg%n"), Map.of(), "m"));
    assertEquals(List.of("INFO m"), logWith(patternConfig("%level %openReplay%msg%n"), Map.of("other", "x"), "m"));
  }

  @Test
  void ignoresInvalidMdcValues() throws IOException {
    String forged = "abc] [openReplaySessionToken=forged";
    assertEquals(List.of("m"), logWith(patternConfig("%openReplay%msg%n"),
        Map.of(SessionToken.TOKEN_KEY, forged, SessionToken.SESSION_ID_KEY, "12x"), "m"));
    assertEquals(List.of("m"), logWith(patternConfig("%openReplay%msg%n"),
        Map.of(SessionToken.TOKEN_KEY, "a".repeat(257)), "m"));
    assertEquals(List.of("m"), logWith(patternConfig("%openReplay%msg%n"),
        Map.of(SessionToken.TOKEN_KEY, "line\nbreak"), "m"));
  }

  @Test
  void unknownOptionWarnsAndWritesBoth() throws IOException {
    Path file = dir.resolve("warn.log");
    try (XmlLogback logback = XmlLogback.configure(patternConfig("%openReplay{G3}%msg%n"),
        Map.of("logFile", file.toString()))) {
      assertTrue(logback.statuses(Status.WARN).contains("Unknown option [G3]"), logback.statuses(Status.WARN));
      MDC.put(SessionToken.TOKEN_KEY, TOKEN);
      try {
        logback.logger("t").info("m");
      } finally {
        MDC.clear();
      }
    }
    assertEquals(List.of(BOTH + "m"), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void asyncAppenderKeepsTheTokenOfTheLoggingThread() throws Exception {
    String xml = configuration(RULE,
        fileAppender("<encoder><pattern>%openReplay%msg%n</pattern></encoder>")
            + "<appender name='ASYNC' class='ch.qos.logback.classic.AsyncAppender'>"
            + "<appender-ref ref='FILE'/><neverBlock>false</neverBlock></appender>",
        "ASYNC");
    Path file = dir.resolve("out.log");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("logFile", file.toString()))) {
      Logger logger = logback.logger("async");
      pool.submit(() -> {
        MDC.put(SessionToken.TOKEN_KEY, TOKEN);
        logger.info("with");
        MDC.clear();
        logger.info("without");
      }).get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(BOTH + "with", "without"), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void layoutKnowsTheWordWithoutAConversionRule() throws IOException {
    String xml = configuration("", fileAppender(
        "<encoder class='ch.qos.logback.core.encoder.LayoutWrappingEncoder'>"
            + "<layout class='io.openreplay.backend.logback.OpenReplayPatternLayout'>"
            + "<pattern>%level %openReplay{G1}%msg%n</pattern></layout></encoder>"), "FILE");
    assertEquals(List.of("INFO [openReplaySessionToken=" + TOKEN + "] m"),
        logWith(xml, Map.of(SessionToken.TOKEN_KEY, TOKEN), "m"));
  }

  @Test
  void layoutDefaultPatternHasLevelAndPrefix() throws IOException {
    String xml = configuration("", fileAppender(
        "<encoder class='ch.qos.logback.core.encoder.LayoutWrappingEncoder'>"
            + "<layout class='io.openreplay.backend.logback.OpenReplayPatternLayout'/></encoder>"), "FILE");
    List<String> lines = logWith(xml, Map.of(SessionToken.TOKEN_KEY, TOKEN), "m");
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).startsWith("INFO "), lines.get(0));
    assertTrue(lines.get(0).endsWith(" test - " + BOTH + "m"), lines.get(0));
  }

  @Test
  void encoderKnowsTheWordWithoutAConversionRule() throws IOException {
    String xml = configuration("", fileAppender(
        "<encoder class='io.openreplay.backend.logback.OpenReplayPatternLayoutEncoder'>"
            + "<pattern>%openReplay{G2}%msg%n</pattern></encoder>"), "FILE");
    assertEquals(List.of("[openReplaySession.id=" + SESSION_ID + "] m"),
        logWith(xml, Map.of(SessionToken.TOKEN_KEY, TOKEN), "m"));
  }
}
