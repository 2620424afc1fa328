/**
 * The JDK's {@code HttpURLConnection} (and so Spring's {@code SimpleClientHttpRequestFactory}, the default of
 * {@code RestTemplate}): outgoing requests carry the token header to the hosts of the allow-list.
 */
package io.openreplay.backend.agent.instrumentation.urlconnection;
