package io.openreplay.backend.dynatrace;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.openreplay.backend.Generations;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.logback.EventTokens;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * One logging event as a Log ingest API v2 record: {@code content}, {@code status} (from the level),
 * {@code timestamp} (RFC 3339, UTC, milliseconds), {@code logger.name}, {@code thread.name}, {@code exception.type}
 * and {@code exception.message} when it has one, every MDC entry under its own key, and the token the event carries
 * ({@link EventTokens}) as {@code openReplaySession.id} and {@code openReplaySessionToken}. An MDC key that Dynatrace
 * would read as the record's content, severity or time is written as {@code mdc.<key>}, so that it cannot change
 * them; the token keys of the MDC are written only as validated.
 */
final class LogRecordJson {

  /** Keys Dynatrace reads as the record's content, severity or timestamp, and the keys written here. */
  private static final Set<String> RESERVED = Set.of("content", "message", "payload", "body", "log", "loglevel",
      "status", "severity", "level", "syslog.severity", "timestamp", "@timestamp", "_timestamp", "eventtime", "date",
      "published_date", "syslog.timestamp", "time", "epochSecond", "startTime", "datetime", "ts", "timeMillis", "@t",
      "logger.name", "thread.name", "exception.type", "exception.message");

  private LogRecordJson() {
  }

  /**
   * @param event the event
   * @param content the record's text, rendered already
   * @param generations which token keys to write
   * @return the record as a JSON object
   */
  static String of(ILoggingEvent event, String content, Generations generations) {
    StringBuilder out = new StringBuilder(256 + content.length());
    out.append('{');
    field(out, "content", content);
    field(out, "status", LevelStatus.of(event.getLevel()));
    field(out, "timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp(event)));
    field(out, "logger.name", event.getLoggerName());
    field(out, "thread.name", event.getThreadName());
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      field(out, "exception.type", throwable.getClassName());
      field(out, "exception.message", throwable.getMessage());
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        String key = entry.getKey();
        if (key == null || entry.getValue() == null || key.equals(SessionToken.TOKEN_KEY)
            || key.equals(SessionToken.SESSION_ID_KEY)) {
          continue;
        }
        field(out, RESERVED.contains(key) ? "mdc." + key : key, entry.getValue());
      }
    }
    SessionToken token = EventTokens.of(event);
    if (token != null) {
      if (generations.sessionId() && token.sessionId() != null) {
        field(out, SessionToken.SESSION_ID_KEY, token.sessionId());
      }
      if (generations.token() && token.token() != null) {
        field(out, SessionToken.TOKEN_KEY, token.token());
      }
    }
    out.append('}');
    return out.toString();
  }

  /**
   * The default content: the formatted message, and the exception's stack trace on the lines after it.
   *
   * @param event the event
   * @return the text
   */
  static String defaultContent(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable == null) {
      return message == null ? "" : message;
    }
    return (message == null ? "" : message) + "\n" + ThrowableProxyUtil.asString(throwable);
  }

  private static Instant timestamp(ILoggingEvent event) {
    Instant instant = event.getInstant();
    return (instant == null ? Instant.ofEpochMilli(event.getTimeStamp()) : instant).truncatedTo(ChronoUnit.MILLIS);
  }

  private static void field(StringBuilder out, String key, String value) {
    if (out.length() > 1) {
      out.append(',');
    }
    JsonStrings.append(out, key);
    out.append(':');
    JsonStrings.append(out, value);
  }
}
