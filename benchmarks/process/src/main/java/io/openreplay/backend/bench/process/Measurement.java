package io.openreplay.backend.bench.process;

/**
 * What one start of the clinic cost.
 *
 * @param startupMillis from spawning the JVM to the first 200 of the home page
 * @param rssMegabytes the resident set ({@code VmRSS}) after the load, in MB (2^20 bytes)
 * @param cpuMicrosPerPage the server's user plus system CPU per page request, after the warm-up
 * @param cpuMicrosPerError the server's user plus system CPU per logged-error request, after the warm-up
 */
public record Measurement(double startupMillis, double rssMegabytes, double cpuMicrosPerPage,
    double cpuMicrosPerError) {
}
