package io.openreplay.backend.testkit.outbound;

import io.openreplay.backend.OutboundHosts;

/**
 * An HTTP client that follows redirects, as {@link RedirectPropagationCheck} makes it twice: as the application has
 * it without OpenReplay, and with a library's outbound propagation wired in.
 */
@FunctionalInterface
public interface RedirectingClient {

  /**
   * @param hosts the allow-list to give the integration; {@code null} for the same client without OpenReplay
   * @return the client
   * @throws Exception when the client cannot be made
   */
  RedirectCall with(OutboundHosts hosts) throws Exception;

  /** One GET through the client, on the calling thread, following redirects as the client does. */
  @FunctionalInterface
  interface RedirectCall {

    /**
     * @param url the URL to GET
     * @return the final answer as the client gives it to the application, e.g. its status and body
     * @throws Exception when the call fails
     */
    String get(String url) throws Exception;
  }
}
