/**
 * Log4j 2 (2.17 and later): the OpenReplay token in Log4j's output.
 *
 * <ul>
 *   <li>{@link io.openreplay.backend.log4j2.ThreadContextAttachListener} puts both keys into the
 *       {@code ThreadContext} whenever a token is attached and the SLF4J MDC has not put them there already
 *       (registered with {@link java.util.ServiceLoader}, nothing to configure).</li>
 *   <li>{@link io.openreplay.backend.log4j2.OpenReplayPatternConverter} is {@code %openReplay} in any
 *       {@code PatternLayout}: the message prefix OpenReplay's message-based lookups search for.</li>
 *   <li>{@link io.openreplay.backend.log4j2.json} holds {@code JsonTemplateLayout} resolvers and the ready event
 *       template {@code OpenReplayLayout.json} for Elasticsearch, Datadog and Dynatrace.</li>
 * </ul>
 */
package io.openreplay.backend.log4j2;
