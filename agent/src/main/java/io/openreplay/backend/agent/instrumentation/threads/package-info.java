/** {@code new Thread} during a request: the started thread runs with the request's token; pool workers do not. */
package io.openreplay.backend.agent.instrumentation.threads;
