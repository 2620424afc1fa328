/**
 * {@code JsonTemplateLayout} (log4j-layout-template-json) resolvers that write what OpenReplay's Elasticsearch,
 * Datadog and Dynatrace lookups read, and the ready event template {@code OpenReplayLayout.json} (in this jar) that
 * uses them: {@code <JsonTemplateLayout eventTemplateUri="classpath:OpenReplayLayout.json"/>}.
 *
 * <ul>
 *   <li>{@code openReplayMessage}: the message with the OpenReplay prefix
 *       ({@link io.openreplay.backend.log4j2.json.OpenReplayMessageResolverFactory});</li>
 *   <li>{@code openReplayTags}: {@code ["error"]} for ERROR events, plus marker names
 *       ({@link io.openreplay.backend.log4j2.json.ErrorTagsResolverFactory});</li>
 *   <li>{@code openReplaySessionToken} and {@code openReplaySessionId}: the validated token and session id
 *       ({@link io.openreplay.backend.log4j2.json.SessionTokenResolverFactory},
 *       {@link io.openreplay.backend.log4j2.json.SessionIdResolverFactory}).</li>
 * </ul>
 * {@code utc_time} is Log4j's own {@code timestamp} resolver with an RFC 3339 UTC pattern.
 */
package io.openreplay.backend.log4j2.json;
