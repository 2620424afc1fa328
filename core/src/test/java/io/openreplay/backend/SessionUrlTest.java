package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The replay link is made only of a valid configuration, and only for a token with a session id. */
class SessionUrlTest {

  private static final SessionToken TOKEN = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);

  @Test
  void linksTheSessionOfTheProject() {
    assertEquals("https://openreplay.example.com/3/session/" + Tokens.CONTRACT_ID,
        new SessionUrl("https://openreplay.example.com/", "3").of(TOKEN));
    assertEquals("http://127.0.0.1:8080/or/42/session/" + Tokens.CONTRACT_ID,
        new SessionUrl(" http://127.0.0.1:8080/or ", " 42 ").of(TOKEN));
    assertEquals("https://app.openreplay.com/7/session/123", new SessionUrl("https://app.openreplay.com", "7")
        .of(SessionToken.parseOrNull("123")));
  }

  @Test
  void nothingWithoutBothPartsOrWithBadOnes() {
    assertFalse(new SessionUrl(null, "3").isConfigured());
    assertFalse(new SessionUrl("https://openreplay.example.com", null).isConfigured());
    assertFalse(new SessionUrl("openreplay.example.com", "3").isConfigured(), "not a web URL");
    assertFalse(new SessionUrl("javascript:alert(1)", "3").isConfigured());
    assertFalse(new SessionUrl("https://", "3").isConfigured());
    assertFalse(new SessionUrl("https://x.example.com/\"><script>", "3").isConfigured());
    assertFalse(new SessionUrl("https://x.example.com", "3/../4").isConfigured());
    assertFalse(new SessionUrl("https://x.example.com", "").isConfigured());
  }

  @Test
  void nothingForATokenWithoutSessionIdOrALinkTooLong() {
    SessionUrl url = new SessionUrl("https://openreplay.example.com", "3");
    assertNull(url.of(null));
    assertNull(url.of(SessionToken.parseOrNull("opaque-value")));
    assertNull(new SessionUrl("https://openreplay.example.com/" + "a".repeat(200), "3").of(TOKEN));
  }
}
