/** Advice shared by every instrumentation that hands work to another thread: the task argument is wrapped. */
package io.openreplay.backend.agent.instrumentation.handover;
