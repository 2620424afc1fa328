/**
 * Dynatrace for OpenReplay 1.21+: {@link io.openreplay.backend.dynatrace.DynatraceLogsAppender} sends logback events
 * to the Log ingest API v2 with {@code status} and the attribute {@code openReplaySession.id}, which OpenReplay's
 * search {@code (status="WARN" OR status="ERROR") AND openReplaySession.id=<id>} reads.
 */
package io.openreplay.backend.dynatrace;
