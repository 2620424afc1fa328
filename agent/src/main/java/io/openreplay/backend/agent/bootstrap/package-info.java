/**
 * The agent's state that every class loader must see, injected into the bootstrap class loader at start-up.
 *
 * <p>Kept minimal and free of any library type: the token of a request, the thread that carries it, the agent's
 * settings, the small helpers that advice inlined into application, container and JDK classes calls, and the
 * {@link io.openreplay.backend.agent.bootstrap.LibraryBridge} through which the OpenReplay library shares the current
 * token with the agent. Advice hands over to these helpers at once, so the bytecode woven into other classes stays
 * short. The token rule, the keys, the header names and the message prefix are {@code openreplay-core}'s own
 * classes, which the agent's build relocates into the subpackage {@code core}.
 */
package io.openreplay.backend.agent.bootstrap;
