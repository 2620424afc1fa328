package io.openreplay.backend.filter.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openreplay.backend.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenHeadersTest {

  private static final String A = Tokens.forSession(111111111111L);
  private static final String B = Tokens.forSession(222222222222L);

  private static String found(TokenHeaders headers, PlainRequest request) {
    var token = headers.find(request, PlainRequest.ACCESS);
    return token == null ? null : token.token() != null ? token.token() : token.sessionId();
  }

  @Test
  void defaultNamesInTheContractsOrder() {
    assertEquals(List.of("X-OpenReplay-SessionToken", "X-OpenReplay-Session-Token", "openReplaySession.id"),
        TokenHeaders.DEFAULT.names());
  }

  @Test
  void configuredNamesAreTrimmedDedupedAndFallBack() {
    assertEquals(List.of("X-A", "X-B"), TokenHeaders.configured(" X-A , ,x-a,X-B ").names());
    assertEquals(List.of("X-C"), TokenHeaders.configured(null, "  ", "X-C", "X-D").names());
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.configured(null, " , ,"));
    assertSame(TokenHeaders.DEFAULT, TokenHeaders.configured());
  }

  @Test
  void firstConfiguredNameWithAValidValueWins() {
    PlainRequest request = new PlainRequest()
        .header("openReplaySession.id", "12345")
        .header("X-OpenReplay-Session-Token", B)
        .header("X-OpenReplay-SessionToken", "bad value");
    assertEquals(B, found(TokenHeaders.DEFAULT, request));
    request.header("x-openreplay-sessiontoken", A);
    assertEquals(A, found(TokenHeaders.DEFAULT, request));
    assertEquals("12345", found(TokenHeaders.configured("openReplaySession.id, X-OpenReplay-SessionToken"), request));
  }

  @Test
  void firstValidValueOfARepeatedHeaderWins() {
    PlainRequest request = new PlainRequest()
        .header("X-OpenReplay-SessionToken", "a]b")
        .header("X-OpenReplay-SessionToken", A)
        .header("X-OpenReplay-SessionToken", B);
    assertEquals(A, found(TokenHeaders.DEFAULT, request));
  }

  @Test
  void invalidValuesAreIgnoredEverywhere() {
    PlainRequest request = new PlainRequest();
    for (String value : Tokens.rejectedCorpus()) {
      request.header("X-OpenReplay-SessionToken", value).header("X-OpenReplay-Session-Token", value)
          .header("openReplaySession.id", value);
    }
    assertNull(found(TokenHeaders.DEFAULT, request));
  }

  @Test
  void onlyABoundedNumberOfRepeatedValuesIsRead() {
    PlainRequest request = new PlainRequest();
    for (int i = 0; i < TokenHeaders.MAX_VALUES_PER_NAME; i++) {
      request.header("X-OpenReplay-SessionToken", "bad value " + i);
    }
    request.header("X-OpenReplay-SessionToken", A).header("X-OpenReplay-Session-Token", B);
    assertEquals(B, found(TokenHeaders.DEFAULT, request));
  }
}
