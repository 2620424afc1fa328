/**
 * CloudWatch Logs on 127.0.0.1: a receiver of the AWS JSON protocol that a logback appender writes to, and
 * OpenReplay's own lookup ({@code FilterLogEvents} with the pattern {@code openReplaySessionToken}, then its
 * client-side rules) made with the real AWS SDK.
 */
package io.openreplay.backend.testkit.cloudwatch;
