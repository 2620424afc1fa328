/**
 * The whole-process comparison: {@link io.openreplay.backend.bench.process.ProcessBenchmark} starts the clinic
 * application with no agent, the OpenReplay agent and the OpenTelemetry agent, in interleaved rounds, and prints the
 * medians of what each costs against the budgets.
 */
package io.openreplay.backend.bench.process;
