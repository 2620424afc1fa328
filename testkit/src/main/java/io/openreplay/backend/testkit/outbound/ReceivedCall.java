package io.openreplay.backend.testkit.outbound;

import java.util.List;

/**
 * One call a {@link TokenHeaderReceiver} took in.
 *
 * @param path the request's path, e.g. {@code /orders}
 * @param host the request's {@code Host} header, e.g. {@code localhost:41234}
 * @param tokens every value of the call's {@code X-OpenReplay-SessionToken} headers, in order; empty when it brought
 *     none
 * @param method the request's method, e.g. {@code GET}
 * @param body the request's body as UTF-8 text, empty when it had none
 */
public record ReceivedCall(String path, String host, List<String> tokens, String method, String body) {

  /**
   * @return the only token the call brought, or {@code null} when it brought none
   * @throws AssertionError when it brought the header more than once
   */
  public String token() {
    if (tokens.size() > 1) {
      throw new AssertionError("the header came " + tokens.size() + " times to " + path + ": " + tokens);
    }
    return tokens.isEmpty() ? null : tokens.get(0);
  }
}
