/**
 * Undertow (2.x servlet deployments, embedded or in Spring Boot): the request scope spans
 * {@code ServletInitialHandler.handleFirstRequest}, so the UT005023 line Undertow itself logs for an uncaught
 * exception, after the filter chain has unwound, carries the token too; asynchronous dispatches come through the same
 * method. Tasks given to XNIO's default worker pool (jboss-threads' {@code EnhancedQueueExecutor}) keep the token of
 * the thread that gave them, beside the pool's own task object.
 */
package io.openreplay.backend.agent.instrumentation.undertow;
