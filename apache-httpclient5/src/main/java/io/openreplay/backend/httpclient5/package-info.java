/**
 * The token going out on Apache HttpClient 5 calls:
 * {@link io.openreplay.backend.httpclient5.OpenReplayRequestInterceptor},
 * added to a classic or an async client, puts {@code X-OpenReplay-SessionToken} on calls to the hosts of the
 * allow-list ({@link io.openreplay.backend.OutboundHosts}), and on no others.
 */
package io.openreplay.backend.httpclient5;
