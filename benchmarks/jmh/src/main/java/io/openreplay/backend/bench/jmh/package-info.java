/**
 * JMH benchmarks of what the project adds per request and per log event, each next to its baseline, and
 * {@link io.openreplay.backend.bench.jmh.MicroBenchmarks}, which runs them and prints the ratios.
 */
package io.openreplay.backend.bench.jmh;
