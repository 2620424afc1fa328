package io.openreplay.backend.testkit.cloudwatch;

/**
 * One log event as a {@link CloudWatchLogsReceiver} stores it.
 *
 * @param logGroupName the log group
 * @param logStreamName the log stream
 * @param timestamp the event's time, in epoch milliseconds, as the sender gave it
 * @param message the message, exactly as sent
 * @param ingestionTime when the receiver took it, in epoch milliseconds
 * @param eventId the receiver's id of the event
 */
public record CloudWatchLogEvent(String logGroupName, String logStreamName, long timestamp, String message,
    long ingestionTime, String eventId) {
}
