/**
 * Apache HttpClient 5, classic and async (and so Spring's {@code HttpComponentsClientHttpRequestFactory}): outgoing
 * requests carry the token header to the hosts of the allow-list.
 */
package io.openreplay.backend.agent.instrumentation.apachehttpclient5;
