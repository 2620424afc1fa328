/**
 * Google Cloud Logging (Stackdriver) on 127.0.0.1: a gRPC {@code WriteLogEntries} receiver, options and a logback
 * appender that write to it without any Google account, and OpenReplay's own filter run on what it holds.
 */
package io.openreplay.backend.testkit.stackdriver;
