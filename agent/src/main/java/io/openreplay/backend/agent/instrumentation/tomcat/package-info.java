/**
 * Tomcat (9, 10.1, 11, embedded or not): the request scope spans {@code CoyoteAdapter.service} and
 * {@code asyncDispatch}, so the ERROR line Tomcat itself logs for an uncaught exception, after the filter chain has
 * unwound, carries the token too.
 */
package io.openreplay.backend.agent.instrumentation.tomcat;
