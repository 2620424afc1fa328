/**
 * The token going out on Spring's {@code RestTemplate} and {@code RestClient} calls:
 * {@link io.openreplay.backend.springweb.OpenReplayClientHttpRequestInterceptor} puts
 * {@code X-OpenReplay-SessionToken} on calls to the hosts of the allow-list
 * ({@link io.openreplay.backend.OutboundHosts}), and on no others, nor on a call the request factory's client may
 * redirect off the list ({@link io.openreplay.backend.springweb.RedirectsFollowed});
 * {@link io.openreplay.backend.springweb.OpenReplayRestClientsAutoConfiguration} adds it to the builders Spring Boot
 * makes, and, with a list that holds a host, has Spring Boot's java.net.http client follow no redirects and follows
 * them itself as the JDK would, judging each hop.
 */
package io.openreplay.backend.springweb;
