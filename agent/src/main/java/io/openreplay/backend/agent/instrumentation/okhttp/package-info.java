/**
 * OkHttp 4 and 5 (and so Spring's {@code OkHttp3ClientHttpRequestFactory}): outgoing requests carry the token header
 * to the hosts of the allow-list.
 */
package io.openreplay.backend.agent.instrumentation.okhttp;
