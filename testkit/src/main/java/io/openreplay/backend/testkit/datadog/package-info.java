/**
 * Datadog Logs on 127.0.0.1: a receiver of Datadog's HTTP and TCP log intakes that indexes logs the way Datadog does
 * ({@link io.openreplay.backend.testkit.datadog.DatadogPreprocessing}), a model of the Datadog Agent tailing a file,
 * and OpenReplay's own two lookups (1.21+: Logs API v2 search for {@code openReplaySession.id=<id>} on index
 * {@code main}; up to 1.20: {@code logs-queries/list} for {@code status:error openReplaySessionToken}), answered by
 * the receiver with this project's model of Datadog's search ({@link io.openreplay.backend.testkit.datadog.DatadogSearchQuery}).
 */
package io.openreplay.backend.testkit.datadog;
