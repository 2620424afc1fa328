/**
 * A small real web application, on embedded Jetty 12 with logback, whose failures reach the seven providers that
 * OpenReplay reads (Sentry, Rollbar, Google Cloud Logging, CloudWatch Logs, Elasticsearch, Datadog, Dynatrace) with
 * the session token:
 * {@link io.openreplay.backend.sample.SampleApp} starts it. Its {@code logback.xml} switches each provider on from
 * the usual environment variables, so the same application talks to real accounts or, in the demo, to loopback
 * receivers.
 */
package io.openreplay.backend.sample;
