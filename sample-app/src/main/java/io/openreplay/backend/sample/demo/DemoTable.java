package io.openreplay.backend.sample.demo;

import java.util.List;

/** The demo's table, one row a provider, and its last line. */
final class DemoTable {

  private static final String FORMAT = "%-14s %9s %11s %9s %9s  %s%n";

  private DemoTable() {
  }

  /**
   * @param rows one row a provider
   * @return the table, its last line {@code demo: N/M providers received the token}
   */
  static String render(List<ProviderRow> rows) {
    StringBuilder table = new StringBuilder();
    table.append(String.format(FORMAT, "provider", "received", "with token", "found G1", "found G2", "result"));
    for (ProviderRow row : rows) {
      table.append(String.format(FORMAT, row.provider().title(), row.received(), row.withToken(), count(row.foundG1()),
          count(row.foundG2()), row.passed() ? "ok" : "FAILED"));
    }
    List<ProviderRow> explained = rows.stream().filter(row -> !row.passed() || !row.notes().isEmpty()).toList();
    for (ProviderRow row : explained) {
      table.append(System.lineSeparator()).append(row.provider().title())
          .append(row.passed() ? " passed" : " failed").append(':');
      row.problems().stream().limit(4).forEach(problem -> table.append(System.lineSeparator()).append("  - ")
          .append(problem));
      row.notes().forEach(note -> table.append(System.lineSeparator()).append("  note: ").append(note));
    }
    if (!explained.isEmpty()) {
      table.append(System.lineSeparator());
    }
    table.append(System.lineSeparator()).append(lastLine(rows));
    return table.toString();
  }

  private static String count(int found) {
    return found < 0 ? "-" : Integer.toString(found);
  }

  /**
   * @param rows one row a provider
   * @return {@code demo: N/M providers received the token}
   */
  static String lastLine(List<ProviderRow> rows) {
    long passed = rows.stream().filter(ProviderRow::passed).count();
    return "demo: " + passed + "/" + rows.size() + " providers received the token";
  }
}
