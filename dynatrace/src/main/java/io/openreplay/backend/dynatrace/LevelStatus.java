package io.openreplay.backend.dynatrace;

import ch.qos.logback.classic.Level;

/**
 * The {@code status} a record is sent with, from its logback level. Dynatrace reads the value by how it begins and
 * groups it: {@code ERROR} stays ERROR and {@code WARN} stays WARN (the two OpenReplay searches for), {@code INFO},
 * {@code DEBUG} and {@code TRACE} become INFO.
 */
final class LevelStatus {

  private LevelStatus() {
  }

  /**
   * @param level the event's level
   * @return {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG} or {@code TRACE}
   */
  static String of(Level level) {
    switch (level.toInt()) {
      case Level.ERROR_INT:
        return "ERROR";
      case Level.WARN_INT:
        return "WARN";
      case Level.INFO_INT:
        return "INFO";
      case Level.DEBUG_INT:
        return "DEBUG";
      default:
        return "TRACE";
    }
  }
}
