package io.openreplay.backend.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The header rule on Spring's own {@link HttpHeaders}, as the servlet filter applies it. */
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
    assertEquals(TokenHeaders.DEFAULT, TokenHeaders.of(" , "));
  }

  @Test
  void invalidValuesAreIgnored() {
    for (String rejected : Tokens.rejectedCorpus()) {
      HttpHeaders headers = new HttpHeaders();
      headers.add("X-OpenReplay-SessionToken", rejected);
      assertNull(TokenHeaders.DEFAULT.find(headers), rejected);
    }
    HttpHeaders many = new HttpHeaders();
    for (int i = 0; i < TokenHeaders.MAX_VALUES_PER_NAME; i++) {
      many.add("X-OpenReplay-SessionToken", "bad value " + i);
    }
    many.add("X-OpenReplay-SessionToken", Tokens.CONTRACT_TOKEN);
    assertNull(TokenHeaders.DEFAULT.find(many), "no more than the first 16 values are looked at");
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
