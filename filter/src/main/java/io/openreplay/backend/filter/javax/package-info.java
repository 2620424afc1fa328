/**
 * The token coming in with servlet requests, for the {@code javax.servlet} API (Servlet 3.1 and 4: Tomcat 8.5 and
 * 9, Jetty 9 and 10, Spring Boot 2): {@code OpenReplayFilter}, {@code OpenReplayRequestListener} and their
 * auto-registration, {@code OpenReplayInitializer}.
 *
 * <p>The classes of this package are made, when the module is built (phase {@code generate-sources}), from those of
 * {@code io.openreplay.backend.filter} (for {@code jakarta.servlet}) with the package names of the
 * {@code javax.servlet} API; only this description is written for it alone.
 */
package io.openreplay.backend.filter.javax;
