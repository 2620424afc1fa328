/**
 * The fault benchmark ({@code benchmarks/run-fault-benchmark}): the sample app with the agent, one provider at a time
 * pointed at a loopback endpoint that is up, refuses connections, never answers, answers 10 s late, or answers 5xx or
 * 429; the same requests each time, their p99 latency against the run with the provider up, the app's memory after,
 * and the time from SIGTERM to its exit.
 */
package io.openreplay.backend.sample.faults;
