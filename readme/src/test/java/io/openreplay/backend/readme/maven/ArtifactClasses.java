package io.openreplay.backend.readme.maven;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For each artifact a README block may name: classes a user's code or {@code logback.xml} names, which must load
 * from the block's class path (with what they need), and classes that must merely be there because they need an API
 * the user's container supplies.
 */
final class ArtifactClasses {

  /** Classes loaded and initialised from the block's class path alone. */
  private static final Map<String, List<String>> LOADED = Map.ofEntries(
      Map.entry("io.openreplay.backend:openreplay-core", List.of(
          "io.openreplay.backend.OpenReplayContext", "io.openreplay.backend.SessionToken",
          "io.openreplay.backend.spi.AttachListener")),
      Map.entry("io.openreplay.backend:openreplay-filter", List.of("io.openreplay.backend.OpenReplayContext")),
      Map.entry("io.openreplay.backend:openreplay-logback", List.of(
          "io.openreplay.backend.logback.OpenReplayConverter", "io.openreplay.backend.logback.OpenReplayPatternLayout",
          "io.openreplay.backend.logback.OpenReplayPatternLayoutEncoder")),
      Map.entry("io.openreplay.backend:openreplay-sentry", List.of(
          "io.openreplay.backend.sentry.OpenReplaySentry", "io.sentry.Sentry")),
      Map.entry("io.openreplay.backend:openreplay-rollbar", List.of(
          "io.openreplay.backend.rollbar.OpenReplayConfigProvider",
          "io.openreplay.backend.rollbar.OpenReplayExceptionsAsMessagesConfigProvider",
          "io.openreplay.backend.rollbar.OpenReplayRollbar", "com.rollbar.notifier.Rollbar")),
      Map.entry("io.openreplay.backend:openreplay-google-cloud-logging", List.of(
          "io.openreplay.backend.stackdriver.BoundedRetryLoggingAppender",
          "io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer",
          "io.openreplay.backend.stackdriver.OpenReplayMdcLoggingEventEnhancer")),
      Map.entry("io.openreplay.backend:openreplay-dynatrace", List.of(
          "io.openreplay.backend.dynatrace.DynatraceLogsAppender")),
      Map.entry("io.openreplay.backend:openreplay-webflux", List.of(
          "io.openreplay.backend.webflux.OpenReplayThreadLocalAccessor", "io.micrometer.context.ContextRegistry")),
      Map.entry("io.openreplay.backend:openreplay-java-http-client", List.of(
          "io.openreplay.backend.httpclient.OpenReplayHttpClient", "io.openreplay.backend.OutboundHosts")),
      Map.entry("io.openreplay.backend:openreplay-apache-httpclient5", List.of(
          "io.openreplay.backend.httpclient5.OpenReplayRequestInterceptor",
          "org.apache.hc.client5.http.impl.classic.HttpClients",
          "org.apache.hc.client5.http.impl.async.HttpAsyncClients")),
      Map.entry("io.openreplay.backend:openreplay-okhttp", List.of(
          "io.openreplay.backend.okhttp.OpenReplayInterceptor", "okhttp3.OkHttpClient")),
      Map.entry("io.openreplay.backend:openreplay-spring-web", List.of("io.openreplay.backend.OutboundHosts")),
      Map.entry("org.apache.httpcomponents.client5:httpclient5", List.of(
          "org.apache.hc.client5.http.impl.classic.HttpClients")),
      Map.entry("com.squareup.okhttp3:okhttp", List.of("okhttp3.OkHttpClient")),
      Map.entry("io.openreplay.backend:openreplay-log4j2", List.of(
          "io.openreplay.backend.log4j2.ThreadContextAttachListener")),
      Map.entry("io.openreplay.backend:openreplay-testkit", List.of(
          "io.openreplay.backend.testkit.rollbar.RollbarReceiver",
          "io.openreplay.backend.testkit.rollbar.RollbarG1Lookup")),
      Map.entry("io.sentry:sentry-logback", List.of("io.sentry.logback.SentryAppender")),
      Map.entry("io.sentry:sentry", List.of("io.sentry.Sentry")),
      Map.entry("io.sentry:sentry-log4j2", List.of("io.sentry.log4j2.SentryAppender")),
      Map.entry("com.rollbar:rollbar-logback", List.of("com.rollbar.logback.RollbarAppender")),
      Map.entry("com.rollbar:rollbar-log4j2", List.of("com.rollbar.log4j2.RollbarAppender")),
      Map.entry("com.rollbar:rollbar-java", List.of("com.rollbar.notifier.Rollbar",
          "com.rollbar.notifier.config.ConfigBuilder")),
      Map.entry("com.google.cloud:google-cloud-logging-logback", List.of(
          "com.google.cloud.logging.logback.LoggingAppender")),
      Map.entry("net.logstash.logback:logstash-logback-encoder", List.of(
          "net.logstash.logback.encoder.LogstashEncoder",
          "io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder",
          "io.openreplay.backend.logback.elasticsearch.PrefixedMessageJsonProvider")),
      Map.entry("ca.pjer:logback-awslogs-appender", List.of("ca.pjer.logback.AwsLogsAppender")),
      Map.entry("org.slf4j:jcl-over-slf4j", List.of("org.apache.commons.logging.LogFactory")),
      Map.entry("org.slf4j:jul-to-slf4j", List.of("org.slf4j.bridge.SLF4JBridgeHandler")),
      Map.entry("org.slf4j:slf4j-api", List.of("org.slf4j.LoggerFactory")),
      Map.entry("ch.qos.logback:logback-classic", List.of("ch.qos.logback.classic.LoggerContext",
          "ch.qos.logback.classic.joran.JoranConfigurator")),
      Map.entry("ch.qos.logback:logback-core", List.of("ch.qos.logback.core.ConsoleAppender")),
      Map.entry("org.codehaus.janino:janino", List.of("org.codehaus.janino.ScriptEvaluator")),
      Map.entry("org.apache.logging.log4j:log4j-core", List.of("org.apache.logging.log4j.core.LoggerContext",
          "io.openreplay.backend.log4j2.OpenReplayPatternConverter")),
      Map.entry("org.apache.logging.log4j:log4j-layout-template-json", List.of(
          "org.apache.logging.log4j.layout.template.json.JsonTemplateLayout",
          "io.openreplay.backend.log4j2.json.OpenReplayMessageResolverFactory")),
      Map.entry("org.apache.logging.log4j:log4j-slf4j2-impl", List.of("org.apache.logging.slf4j.Log4jLoggerFactory")));

  /** Class files that must be in the artifact; they need an API the container or the application brings. */
  private static final Map<String, List<String>> PRESENT = Map.of(
      "io.openreplay.backend:openreplay-filter", List.of(
          "io.openreplay.backend.filter.OpenReplayFilter", "io.openreplay.backend.filter.OpenReplayRequestListener",
          "io.openreplay.backend.filter.javax.OpenReplayFilter",
          "io.openreplay.backend.filter.javax.OpenReplayRequestListener"),
      // They need Spring WebFlux and Reactor, which the application brings.
      "io.openreplay.backend:openreplay-webflux", List.of(
          "io.openreplay.backend.webflux.OpenReplayHttpHandler", "io.openreplay.backend.webflux.OpenReplayWebFilter",
          "io.openreplay.backend.webflux.OpenReplayWebFluxAutoConfiguration",
          "io.openreplay.backend.webflux.OpenReplayExchangeFilterFunction",
          "io.openreplay.backend.webflux.OpenReplayWebClientAutoConfiguration"),
      // They need Spring Web, which the application brings.
      "io.openreplay.backend:openreplay-spring-web", List.of(
          "io.openreplay.backend.springweb.OpenReplayClientHttpRequestInterceptor",
          "io.openreplay.backend.springweb.OpenReplayRestClientsAutoConfiguration"));

  private ArtifactClasses() {
  }

  /**
   * @param key {@code groupId:artifactId}
   * @return the classes to load for it, when the table knows the artifact
   */
  static Optional<List<String>> loaded(String key) {
    return Optional.ofNullable(LOADED.get(key));
  }

  /**
   * @param key {@code groupId:artifactId}
   * @return the class files that must be there, empty when none
   */
  static List<String> present(String key) {
    return PRESENT.getOrDefault(key, List.of());
  }
}
