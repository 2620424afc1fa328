/**
 * A loopback Dynatrace: {@link io.openreplay.backend.testkit.dynatrace.DynatraceReceiver} serves the Log ingest API
 * v2, the OAuth token endpoint and the log search on 127.0.0.1, keeping records as Dynatrace does
 * ({@link io.openreplay.backend.testkit.dynatrace.DynatraceIngest},
 * {@link io.openreplay.backend.testkit.dynatrace.DynatraceLogLevels}) and answering the part of the query language
 * OpenReplay uses ({@link io.openreplay.backend.testkit.dynatrace.DynatraceQuery});
 * {@link io.openreplay.backend.testkit.dynatrace.DynatraceLookup} makes OpenReplay's own requests and returns what its
 * player shows; {@link io.openreplay.backend.testkit.dynatrace.OneAgentJsonLogFile} models OneAgent shipping a JSON
 * log file with declared custom attributes.
 */
package io.openreplay.backend.testkit.dynatrace;
