/**
 * The downstream end of outbound propagation:
 * {@link io.openreplay.backend.testkit.outbound.TokenHeaderReceiver} is a service on 127.0.0.1 that records the
 * {@code X-OpenReplay-SessionToken} values each call brought, to check that an HTTP client sends the token to the
 * hosts of the allow-list and to no other.
 */
package io.openreplay.backend.testkit.outbound;
