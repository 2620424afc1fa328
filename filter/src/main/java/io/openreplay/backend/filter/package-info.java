/**
 * The token coming in with servlet requests, for the {@code jakarta.servlet} API (Servlet 5 and later: Jetty 11 and
 * 12, Tomcat 10 and 11, Undertow 2.3, Spring Boot 3): {@link io.openreplay.backend.filter.OpenReplayFilter},
 * {@link io.openreplay.backend.filter.OpenReplayRequestListener} and their auto-registration,
 * {@link io.openreplay.backend.filter.OpenReplayInitializer}.
 *
 * <p>The same classes for the {@code javax.servlet} API are in {@code io.openreplay.backend.filter.javax}, made
 * from these sources when the module is built.
 */
package io.openreplay.backend.filter;
