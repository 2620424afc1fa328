package io.openreplay.backend.testkit.outbound;

import io.openreplay.backend.OutboundHosts;

/**
 * An HTTP client with a library's outbound propagation wired in, as {@link OutboundPropagationCheck} makes it: with
 * an explicit allow-list, or as the library sets it up by default.
 */
@FunctionalInterface
public interface OutboundClient {

  /**
   * @param hosts the allow-list to give the integration; {@code null} for the integration's default
   *     ({@link OutboundHosts#configured()}, which nothing sets in a test: empty)
   * @return a client whose calls carry the token to those hosts
   * @throws Exception when the client cannot be made
   */
  OutboundCall with(OutboundHosts hosts) throws Exception;

  /** One GET through the client, on the calling thread, waiting for the answer. */
  @FunctionalInterface
  interface OutboundCall {

    /**
     * @param url the URL to GET
     * @param ownHeader a value of the token header the application sets itself on this request, or {@code null}
     * @throws Exception when the call fails
     */
    void get(String url, String ownHeader) throws Exception;
  }
}
