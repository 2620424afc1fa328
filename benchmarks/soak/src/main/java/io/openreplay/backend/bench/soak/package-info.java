/**
 * The soak of issue 12: {@link io.openreplay.backend.bench.soak.SoakBenchmark} runs the soak app with the agent and
 * with the library, a long run of mixed requests each with a token of its own, and prints per setup the requests,
 * token mismatches and missing tokens, the heap after a full GC, the threads and the loaded classes at checkpoints,
 * and a verdict.
 */
package io.openreplay.backend.bench.soak;
