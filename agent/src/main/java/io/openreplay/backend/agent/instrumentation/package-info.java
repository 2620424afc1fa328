/**
 * What the agent instruments: one {@link io.openreplay.backend.agent.instrumentation.LibraryInstrumentation} per
 * library, each a list of {@link io.openreplay.backend.agent.instrumentation.TypeInstrumentation}s that name the
 * types and methods they match and the advice woven into them. Advice classes are read as class files, never
 * loaded; their code is inlined into the matched methods and hands over at once to the bootstrap helpers.
 */
package io.openreplay.backend.agent.instrumentation;
