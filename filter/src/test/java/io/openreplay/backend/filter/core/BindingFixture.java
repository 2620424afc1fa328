package io.openreplay.backend.filter.core;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.TokenHeaders;
import io.openreplay.backend.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.MDC;

/** What the tests of the request logic share: a filter's and a listener's binding with the default headers. */
abstract class BindingFixture {

  final FilterBinding<PlainRequest> filter = new FilterBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);
  final ListenerBinding<PlainRequest> listener = new ListenerBinding<>(TokenHeaders.DEFAULT, PlainRequest.ACCESS);

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  static String mdcToken() {
    return MDC.get(SessionToken.TOKEN_KEY);
  }

  static String newToken() {
    return Tokens.forSession(Tokens.randomSessionId());
  }

  static PlainRequest requestWith(String token) {
    return new PlainRequest().header("X-OpenReplay-SessionToken", token);
  }
}
