/**
 * Logback: an event created while a token is current carries both keys in its own MDC map, which travels with the
 * event to every appender (asynchronous ones included), and an ERROR event also gets the message prefix.
 */
package io.openreplay.backend.agent.instrumentation.logback;
