/**
 * The Sentry SDK: every error event captured while a token is current carries the tags
 * {@code openReplaySessionToken} and {@code openReplaySession.id}, whatever path captured it. Tags go on the event
 * itself, never on a scope, so nothing leaks to the next request of a thread.
 */
package io.openreplay.backend.agent.instrumentation.sentry;
