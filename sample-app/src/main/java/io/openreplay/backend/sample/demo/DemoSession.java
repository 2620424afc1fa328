package io.openreplay.backend.sample.demo;

/**
 * One browser session of the demo: the token a request carries, the session id OpenReplay G2 derives from it, and
 * the header the request sends it in.
 *
 * @param token the session token, in OpenReplay's format
 * @param sessionId the session id, in decimal
 * @param header the request header that carries the token
 */
public record DemoSession(String token, String sessionId, String header) {
}
