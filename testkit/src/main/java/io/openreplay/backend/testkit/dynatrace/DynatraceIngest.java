package io.openreplay.backend.testkit.dynatrace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the Log ingest API v2 makes of one JSON object of a request ("Ingest JSON and TXT logs"): the first key found
 * of {@link #TIMESTAMP_KEYS} gives the timestamp (epoch milliseconds or RFC 3339; otherwise the ingest time), the
 * first of {@link #CONTENT_KEYS} the content, the first of {@link DynatraceLogLevels#SEVERITY_KEYS} the
 * {@code loglevel} and {@code status}; every other key becomes an attribute, nested objects flattened with dots and
 * every value a string.
 */
public final class DynatraceIngest {

  /** The keys a timestamp is read from, in order (the list Dynatrace documents, first ones first). */
  public static final String[] TIMESTAMP_KEYS = {"timestamp", "@timestamp", "_timestamp", "eventtime", "date",
      "published_date", "syslog.timestamp", "time", "epochSecond", "startTime", "datetime", "ts", "timeMillis", "@t"};

  /** The keys the content is read from, in order. */
  public static final String[] CONTENT_KEYS = {"content", "message", "payload", "body", "log"};

  private DynatraceIngest() {
  }

  /**
   * @param object one record of an ingest request
   * @param ingestTime when it arrived
   * @return the record as Dynatrace keeps it
   */
  public static DynatraceLogRecord record(JsonNode object, Instant ingestTime) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", object, flat);
    String timestampKey = firstPresent(flat, TIMESTAMP_KEYS);
    String contentKey = firstPresent(flat, CONTENT_KEYS);
    String severityKey = firstPresent(flat, DynatraceLogLevels.SEVERITY_KEYS);
    Instant timestamp = timestampKey == null ? ingestTime : parseTimestamp(flat.get(timestampKey), ingestTime);
    String content = contentKey == null ? "" : flat.get(contentKey);
    String loglevel = DynatraceLogLevels.loglevel(severityKey == null ? null : flat.get(severityKey));
    Map<String, String> attributes = new LinkedHashMap<>(flat);
    attributes.keySet().removeIf(key -> key.equals(timestampKey) || key.equals(contentKey) || key.equals(severityKey));
    return new DynatraceLogRecord(timestamp, content, loglevel, DynatraceLogLevels.status(loglevel), attributes);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), into);
      }
    } else if (!prefix.isEmpty() && !node.isNull()) {
      into.put(prefix, node.isValueNode() ? node.asString() : node.toString());
    }
  }

  private static String firstPresent(Map<String, String> flat, String[] keys) {
    for (String key : keys) {
      if (flat.containsKey(key)) {
        return key;
      }
    }
    return null;
  }

  private static Instant parseTimestamp(String value, Instant fallback) {
    if (value.matches("\\d{1,15}")) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
