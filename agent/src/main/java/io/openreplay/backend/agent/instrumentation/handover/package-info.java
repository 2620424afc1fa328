/**
 * Advice for an entry point that hands work to a thread of its own and never gives the task back to the
 * application ({@code AsyncContext.start}): the task argument is wrapped.
 */
package io.openreplay.backend.agent.instrumentation.handover;
