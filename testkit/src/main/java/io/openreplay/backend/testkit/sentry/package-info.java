/**
 * A loopback Sentry: {@link io.openreplay.backend.testkit.sentry.SentryReceiver} takes envelopes on 127.0.0.1
 * and parses them with the Sentry SDK's own envelope reader; {@link io.openreplay.backend.testkit.sentry.SentryG1Lookup}
 * and {@link io.openreplay.backend.testkit.sentry.SentryG2Lookup} run OpenReplay's two lookups on what arrived.
 * Needs {@code io.sentry:sentry} on the class path.
 */
package io.openreplay.backend.testkit.sentry;
