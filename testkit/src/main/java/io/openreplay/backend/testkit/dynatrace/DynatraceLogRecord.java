package io.openreplay.backend.testkit.dynatrace;

import java.time.Instant;
import java.util.Map;

/**
 * One log record as Dynatrace keeps it after ingest: its special fields and its key-value attributes (every value a
 * string, as the ingest API converts them without a custom processing pipeline).
 *
 * @param timestamp when the record happened (the ingest time when it carried no readable timestamp)
 * @param content the record's text
 * @param loglevel the level Dynatrace made of its severity ({@link DynatraceLogLevels#loglevel(String)})
 * @param status the status group of that level ({@link DynatraceLogLevels#status(String)})
 * @param attributes every other key, nested objects flattened with dots, e.g. {@code openReplaySession.id}
 */
public record DynatraceLogRecord(Instant timestamp, String content, String loglevel, String status,
    Map<String, String> attributes) {

  /** Copies the attributes. */
  public DynatraceLogRecord {
    attributes = Map.copyOf(attributes);
  }

  /**
   * What a query's {@code key=value} compares: {@code status}, {@code loglevel} and {@code content} are the record's
   * own fields, any other key an attribute.
   *
   * @param key the key
   * @return its value, or {@code null} when the record has none
   */
  public String field(String key) {
    switch (key) {
      case "status":
        return status;
      case "loglevel":
        return loglevel;
      case "content":
        return content;
      default:
        return attributes.get(key);
    }
  }

  /**
   * @param key an attribute key
   * @return its value, or {@code null}
   */
  public String attribute(String key) {
    return attributes.get(key);
  }
}
