/**
 * Elasticsearch: logstash-logback-encoder JSON providers that make each log event a document OpenReplay's
 * Elasticsearch integration finds, for G1 (up to 1.20: {@code match message "openReplaySessionToken="}, range on
 * the RFC 3339 string {@code utc_time}, {@code term tags "error"}, the token cut out of {@code message}) and G2
 * (1.21 and later: {@code match_phrase message "openReplaySession.id=<id>"} on index {@code logs}, reading
 * {@code @timestamp} and {@code level}).
 *
 * <p>Each field is one small provider, for {@code LoggingEventCompositeJsonEncoder}'s {@code <providers>}:
 * {@link io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider} ({@code message}),
 * {@link io.openreplay.backend.logback.elasticsearch.UtcTimeJsonProvider} ({@code utc_time}),
 * {@link io.openreplay.backend.logback.elasticsearch.ErrorTagsJsonProvider} ({@code tags}),
 * {@link io.openreplay.backend.logback.elasticsearch.SessionTokenJsonProvider} ({@code openReplaySessionToken}) and
 * {@link io.openreplay.backend.logback.elasticsearch.SessionIdJsonProvider} ({@code openReplaySession.id}); logstash's
 * own {@code <timestamp/>} and {@code <logLevel/>} write {@code @timestamp} and {@code level}. They replace logstash's
 * {@code <message/>} and {@code <tags/>}, and logstash's {@code <mdc>} must exclude the two OpenReplay keys:
 * Elasticsearch rejects a document with a duplicate key.
 * {@link io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder} is a {@code LogstashEncoder} with all
 * of that done.
 */
package io.openreplay.backend.logback.elasticsearch;
