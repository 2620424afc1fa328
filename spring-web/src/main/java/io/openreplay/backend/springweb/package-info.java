/**
 * The token going out on Spring's {@code RestTemplate} and {@code RestClient} calls:
 * {@link io.openreplay.backend.springweb.OpenReplayClientHttpRequestInterceptor} puts
 * {@code X-OpenReplay-SessionToken} on calls to the hosts of the allow-list
 * ({@link io.openreplay.backend.OutboundHosts}), and on no others, nor on a call the request factory's client may
 * redirect off the list ({@link io.openreplay.backend.springweb.RedirectsFollowed});
 * {@link io.openreplay.backend.springweb.OpenReplayRestClientsAutoConfiguration} adds it to the builders Spring Boot
 * makes.
 */
package io.openreplay.backend.springweb;
