/**
 * The token going out on {@link java.net.http.HttpClient} calls:
 * {@link io.openreplay.backend.httpclient.OpenReplayHttpClient#wrap(java.net.http.HttpClient)} gives a client whose
 * calls, made while a request with a token is being served, carry {@code X-OpenReplay-SessionToken} to the hosts of
 * the allow-list ({@link io.openreplay.backend.OutboundHosts}), and to no other host.
 */
package io.openreplay.backend.httpclient;
