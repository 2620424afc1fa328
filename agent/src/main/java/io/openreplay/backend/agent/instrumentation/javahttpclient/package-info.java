/**
 * The JDK's {@code java.net.http.HttpClient} (and so Spring's {@code JdkClientHttpRequestFactory}, the default of
 * {@code RestClient}): outgoing requests carry the token header to the hosts of the allow-list.
 */
package io.openreplay.backend.agent.instrumentation.javahttpclient;
