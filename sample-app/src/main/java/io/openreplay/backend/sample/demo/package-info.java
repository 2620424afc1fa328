/**
 * The demo: {@link io.openreplay.backend.sample.demo.Demo} starts a loopback receiver for each provider OpenReplay
 * reads, runs the sample application with the OpenReplay agent against them, sends it requests with and without a
 * session token, then runs OpenReplay's own lookups on what each receiver holds and prints one row a provider.
 */
package io.openreplay.backend.sample.demo;
