/**
 * Google Cloud Logging (Stackdriver): logging event enhancers for {@code google-cloud-logging-logback} that put the
 * OpenReplay token on each log entry as the labels OpenReplay filters on.
 */
package io.openreplay.backend.stackdriver;
