/**
 * The token going out on OkHttp calls: {@link io.openreplay.backend.okhttp.OpenReplayInterceptor}, added as a network
 * interceptor, puts {@code X-OpenReplay-SessionToken} on calls to the hosts of the allow-list
 * ({@link io.openreplay.backend.OutboundHosts}), and on no others.
 */
package io.openreplay.backend.okhttp;
