package io.openreplay.backend.testkit.dynatrace;

import java.util.Locale;
import java.util.Set;

/**
 * How Dynatrace turns a record's severity into its {@code loglevel} and {@code status} ("Automatic log enrichment"):
 * the value of the first severity key found ({@link #SEVERITY_KEYS}) is mapped by how it begins (case-insensitive) to
 * a {@code loglevel}, and the {@code loglevel} is grouped into the {@code status} that OpenReplay's query compares
 * ({@code ERROR}, {@code WARN}, {@code INFO} or {@code NONE}).
 */
public final class DynatraceLogLevels {

  /** The keys a severity is read from, in the order Dynatrace looks for them. */
  public static final String[] SEVERITY_KEYS = {"loglevel", "status", "severity", "level", "syslog.severity"};

  private static final Set<String> ERROR_LEVELS = Set.of("SEVERE", "ERROR", "CRITICAL", "ALERT", "FATAL", "EMERGENCY");
  private static final Set<String> INFO_LEVELS = Set.of("INFO", "TRACE", "DEBUG", "NOTICE");

  private DynatraceLogLevels() {
  }

  /**
   * @param severity a severity value as sent, e.g. {@code error}, {@code Warning}, {@code serious}; may be null
   * @return the {@code loglevel} Dynatrace makes of it: {@code EMERGENCY}, {@code ERROR}, {@code ALERT},
   *     {@code CRITICAL}, {@code SEVERE}, {@code WARN}, {@code NOTICE}, {@code INFO}, {@code DEBUG}, or {@code NONE}
   */
  public static String loglevel(String severity) {
    if (severity == null || severity.isBlank()) {
      return "NONE";
    }
    String value = severity.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("emerg") || value.startsWith("f")) {
      return "EMERGENCY";
    }
    if (value.startsWith("e")) {
      return "ERROR";
    }
    if (value.startsWith("a")) {
      return "ALERT";
    }
    if (value.startsWith("c")) {
      return "CRITICAL";
    }
    if (value.startsWith("s")) {
      return "SEVERE";
    }
    if (value.startsWith("w")) {
      return "WARN";
    }
    if (value.startsWith("n")) {
      return "NOTICE";
    }
    if (value.startsWith("i")) {
      return "INFO";
    }
    if (value.startsWith("d") || value.startsWith("trace") || value.startsWith("verbose")) {
      return "DEBUG";
    }
    return "NONE";
  }

  /**
   * @param loglevel a {@code loglevel} as {@link #loglevel(String)} makes it
   * @return its {@code status} group: {@code ERROR}, {@code WARN}, {@code INFO} or {@code NONE}
   */
  public static String status(String loglevel) {
    if (ERROR_LEVELS.contains(loglevel)) {
      return "ERROR";
    }
    if ("WARN".equals(loglevel)) {
      return "WARN";
    }
    if (INFO_LEVELS.contains(loglevel)) {
      return "INFO";
    }
    return "NONE";
  }
}
