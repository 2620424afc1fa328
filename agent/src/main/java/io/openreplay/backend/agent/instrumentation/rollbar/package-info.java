/**
 * The Rollbar SDK (rollbar-java): every item built while a token is current carries the keys in
 * {@code data.custom}, and a message item also in {@code data.body.message}, where OpenReplay's RQL query reads it.
 */
package io.openreplay.backend.agent.instrumentation.rollbar;
