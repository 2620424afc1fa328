package io.openreplay.backend.webflux;

import io.openreplay.backend.OutboundHosts;
import java.net.URI;

/**
 * The token header {@link OpenReplayExchangeFilterFunction} put on a call, and the list it judged the call's host by,
 * kept in the call's Reactor context (under this class) for {@link OpenReplayRedirectHops}, which judges the hops the
 * client then follows by the same list.
 *
 * @param value the header's value
 * @param hosts the allow-list
 */
record AddedTokenHeader(String value, OutboundHosts hosts) {

  /**
   * @param url the URL a hop goes to
   * @return whether the list allows it
   */
  boolean allowedAt(String url) {
    try {
      return hosts.allows(URI.create(url));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
