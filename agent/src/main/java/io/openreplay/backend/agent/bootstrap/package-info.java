/**
 * The agent's state that every class loader must see, injected into the bootstrap class loader at start-up.
 *
 * <p>Kept minimal and free of any library type: the token of a request, the thread that carries it, the agent's
 * settings, and the small helpers that advice inlined into application, container and JDK classes calls. Advice
 * hands over to these helpers at once, so the bytecode woven into other classes stays short.
 */
package io.openreplay.backend.agent.bootstrap;
