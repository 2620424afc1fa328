package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Tomcat 11 app's library probes (with {@code -Dit.openreplayFilter=true}): {@code /it/library}, the app's own
 * calls of {@code OpenReplayContext} during a request, and {@code /it/attaches}, what its counting attach listener
 * was told.
 */
final class LibraryApi {

  private LibraryApi() {
  }

  /**
   * What {@code /it/library} found, by name: {@code current}, {@code mdc}, {@code attaches}, and {@code wrapped} and
   * {@code executor} (or, with {@code attach=TOKEN}, {@code after}).
   */
  static Map<String, String> findings(ForkedApp app, String query, String... headers) throws Exception {
    HttpResponse<String> response = app.get("/it/library?" + query, headers);
    assertEquals(200, response.statusCode(), response::body);
    Map<String, String> findings = new LinkedHashMap<>();
    for (String line : response.body().split("\n")) {
      int colon = line.indexOf(": ");
      findings.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return findings;
  }

  /** What {@code /it/library} finds during a request of {@code session} that the library's API sees. */
  static Map<String, String> seeing(Session session, String mdc) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("current", seen(session));
    expected.put("mdc", mdc);
    expected.put("attaches", "1");
    expected.put("wrapped", seen(session));
    expected.put("executor", seen(session));
    return expected;
  }

  /** How the app reports a token it saw: the token and the session id. */
  static String seen(Session session) {
    return session.token() + " " + session.sessionId();
  }

  /** How often the app's attach listener was told of {@code token} so far (on every thread). */
  static int attaches(ForkedApp app, String token) throws Exception {
    return count(app, "?token=" + encoded(token));
  }

  /** The app attaches {@code token} itself, once, and tells how often its listener was told of it. */
  static int probe(ForkedApp app, String token) throws Exception {
    return count(app, "?probe=" + encoded(token) + "&token=" + encoded(token));
  }

  static String encoded(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static int count(ForkedApp app, String query) throws Exception {
    HttpResponse<String> response = app.get("/it/attaches" + query);
    assertEquals(200, response.statusCode(), response::body);
    return Integer.parseInt(response.body().trim());
  }
}
