package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The requests sent to the java.util.logging apps (tomcat-jul, jboss-logmanager): {@code /log} and {@code /throw},
 * each once with the contract's token and once without, each mentioning a marker of its own.
 *
 * @param tokenLog the marker of {@code /log} with the token
 * @param plainLog the marker of {@code /log} without a token
 * @param tokenThrow the marker of {@code /throw} with the token
 * @param plainThrow the marker of {@code /throw} without a token
 */
record JulRequests(String tokenLog, String plainLog, String tokenThrow, String plainThrow) {

  static final String PREFIX = "[openReplaySessionToken=" + TestTokens.CONTRACT_TOKEN + "] [openReplaySession.id="
      + TestTokens.CONTRACT_SESSION_ID + "] ";
  /** Tomcat's own line for an exception that leaves the servlet. */
  static final String TOMCAT_LINE = "Servlet.service() for servlet [throw] in context with path [] threw exception";
  /** What {@code /log} logs at SEVERE and WARNING, each followed by the marker. */
  static final List<String> WARNINGS_AND_ABOVE = List.of("jul severe ", "jul warning ", "jul param p1 ", "jul thrown ");

  static JulRequests tagged(String tag) {
    return new JulRequests("id=" + tag + "tokenlog", "id=" + tag + "plainlog", "id=" + tag + "tokenthrow",
        "id=" + tag + "plainthrow");
  }

  String[] markers() {
    return new String[] {tokenLog, plainLog, tokenThrow, plainThrow};
  }

  /** Sends the four requests, in this order, and checks their status. */
  void sendTo(ForkedApp app) throws Exception {
    assertEquals(200, app.get("/log?" + tokenLog, "X-OpenReplay-SessionToken", TestTokens.CONTRACT_TOKEN).statusCode());
    assertEquals(200, app.get("/log?" + plainLog).statusCode());
    assertEquals(500, app.get("/throw?" + tokenThrow, "X-OpenReplay-SessionToken", TestTokens.CONTRACT_TOKEN)
        .statusCode());
    assertEquals(500, app.get("/throw?" + plainThrow).statusCode());
  }

  /**
   * The SEVERE and WARNING lines of the request with the token, and Tomcat's own line for its exception, carry the
   * prefix right before the message, once.
   */
  void assertPrefixedOnce(RenderedLog log) {
    for (String message : WARNINGS_AND_ABOVE) {
      String line = log.lineOf(message + tokenLog);
      assertTrue(line.contains(PREFIX + message + tokenLog), () -> log.name() + ": " + line);
      assertEquals(line.indexOf("openReplaySessionToken="), line.lastIndexOf("openReplaySessionToken="),
          () -> log.name() + ", prefix once: " + line);
    }
    List<String> thrown = log.mentioning("uncaught " + tokenThrow);
    assertEquals(1, thrown.size(), () -> log.name() + ": " + log.records());
    String tomcat = RenderedLog.firstLine(thrown.get(0));
    assertTrue(tomcat.contains(PREFIX + TOMCAT_LINE), () -> log.name() + ": " + tomcat);
  }
}
