/**
 * The Rollbar SDK (rollbar-java): every item built while a token is current carries the keys in
 * {@code data.custom}, and a message item also in {@code data.body.message}, where OpenReplay's RQL query reads it.
 * rollbar-logback's appender, called on a thread without a token (behind logback's {@code AsyncAppender}), makes
 * the token of the logback event it sends current while it builds the item.
 */
package io.openreplay.backend.agent.instrumentation.rollbar;
