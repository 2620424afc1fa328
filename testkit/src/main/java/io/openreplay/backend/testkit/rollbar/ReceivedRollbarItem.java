package io.openreplay.backend.testkit.rollbar;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One item as the receiver parsed it: the payload's {@code data} object.
 *
 * @param data the item's {@code data} object, as sent
 */
public record ReceivedRollbarItem(JsonNode data) {

  /**
   * @return {@code data.level} as sent ({@code debug}, {@code info}, {@code warning}, {@code error},
   *     {@code critical}), or {@code null}
   */
  public String level() {
    JsonNode level = data.path("level");
    return level.isString() ? level.asString() : null;
  }

  /**
   * Rollbar's number for the level, the one RQL compares as {@code item.level}.
   *
   * @return 10 (debug), 20 (info), 30 (warning), 40 (error), 50 (critical); 0 for anything else
   */
  public int levelNumber() {
    String level = level();
    if (level == null) {
      return 0;
    }
    switch (level) {
      case "debug":
        return 10;
      case "info":
        return 20;
      case "warning":
        return 30;
      case "error":
        return 40;
      case "critical":
        return 50;
      default:
        return 0;
    }
  }

  /**
   * @return the body's kind: {@code message}, {@code trace}, {@code trace_chain} or {@code crash_report}; {@code null}
   *     when the body has none of them
   */
  public String bodyKind() {
    JsonNode body = data.path("body");
    for (String kind : new String[] {"message", "trace", "trace_chain", "crash_report"}) {
      if (body.has(kind)) {
        return kind;
      }
    }
    return null;
  }

  /**
   * @return {@code data.timestamp} in seconds since the epoch, or empty when absent
   */
  public Optional<Double> timestampSeconds() {
    JsonNode timestamp = data.path("timestamp");
    return timestamp.isNumber() ? Optional.of(timestamp.asDouble()) : Optional.empty();
  }

  /**
   * Reads a string under {@code data}.
   *
   * @param pointer a JSON pointer relative to {@code data}, e.g. {@code /custom/openReplaySession.id}
   * @return the string there, or empty when there is none (or it is not a string)
   */
  public Optional<String> string(String pointer) {
    JsonNode node = data.at(pointer);
    return node.isString() ? Optional.of(node.asString()) : Optional.empty();
  }

  /**
   * @param pointer a JSON pointer relative to {@code data}
   * @return whether anything but {@code null} is there
   */
  public boolean has(String pointer) {
    JsonNode node = data.at(pointer);
    return !node.isMissingNode() && !node.isNull();
  }
}
