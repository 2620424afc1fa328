/**
 * The soak's application: {@link io.openreplay.backend.bench.soakapp.SoakApp} serves {@code /work}, whose requests do
 * units of work on several threads, each logging what token it expects, and {@code /soak/stats}, which reports the
 * heap after a full GC, the threads, the loaded classes and what {@link io.openreplay.backend.bench.soakapp.TokenTally}
 * counted.
 */
package io.openreplay.backend.bench.soakapp;
