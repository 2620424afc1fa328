/**
 * Sentry: the tags {@code openReplaySessionToken} (OpenReplay G1) and {@code openReplaySession.id} (G2) on every
 * error event of a request, whether it comes from {@code sentry-logback}'s appender or from a direct
 * {@code Sentry.captureException}.
 *
 * <ul>
 *   <li>{@link io.openreplay.backend.sentry.SentryAttachListener} needs no configuration: registered with
 *       {@link java.util.ServiceLoader}, it forks Sentry's scopes for every attached token and puts both tags on
 *       the fork, which is closed again when the token is detached.</li>
 *   <li>{@link io.openreplay.backend.sentry.OpenReplaySentry#configure(io.sentry.SentryOptions)} adds an
 *       event processor that takes the token from the logging event or the current thread, for setups where the
 *       event is captured on another thread (an {@code AsyncAppender}).</li>
 *   <li>Without code, {@code sentry-logback}'s {@code contextTag} option turns the two MDC keys into tags.</li>
 * </ul>
 */
package io.openreplay.backend.sentry;
