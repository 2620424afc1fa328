/**
 * Spring's {@code WebClient}: outgoing requests carry the token header to the hosts of the allow-list.
 */
package io.openreplay.backend.agent.instrumentation.webclient;
