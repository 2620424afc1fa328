package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The core's header rule (io.openreplay.backend.TokenHeadersTest) read from Spring's own {@link HttpHeaders}, on
 * Spring Framework 6.2 here and 7 in webflux-boot4.
 */
class TokenHeadersTest {

  private static final String OTHER = Tokens.forSession(123456789L);

  @Test
  void theFirstConfiguredNameWithAValidValueWins() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("x-openreplay-session-token", OTHER);
    headers.add("X-OpenReplay-SessionToken", "not valid!");
    headers.add("X-OpenReplay-SessionToken", Tokens.CONTRACT_TOKEN);
    assertEquals(Tokens.CONTRACT_TOKEN, TokenHeaders.DEFAULT.find(headers).token(), "a later valid value of a name");
    headers.remove("X-OpenReplay-SessionToken");
    assertEquals(OTHER, TokenHeaders.DEFAULT.find(headers).token(), "the next name, matched case-insensitively");
    headers.set("x-openreplay-session-token", "not valid!");
    assertNull(TokenHeaders.DEFAULT.find(headers), "an invalid value is ignored");
  }

  @Test
  void aBareSessionIdAndConfiguredNames() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("openReplaySession.id", Tokens.CONTRACT_ID);
    SessionToken id = TokenHeaders.DEFAULT.find(headers);
    assertNull(id.token());
    assertEquals(Tokens.CONTRACT_ID, id.sessionId());
    headers.add("X-Session", Tokens.CONTRACT_TOKEN);
    TokenHeaders configured = TokenHeaders.of(" X-Session , ,x-session,openReplaySession.id");
    assertEquals(List.of("X-Session", "openReplaySession.id"), configured.names());
    assertEquals(Tokens.CONTRACT_TOKEN, configured.find(headers).token());
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.of(" , "));
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.of(null));
  }

  @Test
  void headersThatCannotBeReadLeaveTheRequestWithoutToken() {
    HttpHeaders unreadable = new HttpHeaders() {
      @Override
      public String getFirst(String headerName) {
        throw new NoSuchMethodError("as a Spring version this library was not built for would");
      }
    };
    assertNull(TokenHeaders.DEFAULT.findOrNone(unreadable));
    assertNull(TokenHeaders.DEFAULT.findOrNone(unreadable), "and again, told only once");
  }
}
