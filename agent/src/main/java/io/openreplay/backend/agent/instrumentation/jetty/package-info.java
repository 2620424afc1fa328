/**
 * Jetty 12: the request scope spans {@code Server.handle}, Jetty's whole handling of a request, and the ee10
 * {@code ServletChannel.handle} that runs asynchronous dispatches.
 */
package io.openreplay.backend.agent.instrumentation.jetty;
