package io.openreplay.backend.bench.jmh;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints comparisons as an aligned table: both scores, what the measured one adds, the ratio, the budget. */
final class ComparisonTable {

  private static final String[] HEADER = {"comparison", "baseline ns/op", "measured ns/op", "added ns", "ratio",
      "budget", "result"};

  private ComparisonTable() {
  }

  /**
   * @param comparisons the rows
   * @param out where to print
   */
  static void print(List<Comparison> comparisons, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    int met = 0;
    int budgets = 0;
    for (Comparison comparison : comparisons) {
      rows.add(new String[] {
          comparison.what(),
          score(comparison.baseline()),
          score(comparison.measured()),
          String.format(Locale.ROOT, "%+.1f", comparison.addedNanos()),
          String.format(Locale.ROOT, "%.2fx", comparison.ratio()),
          comparison.budget().map(Budget::toString).orElse("-"),
          comparison.withinBudget().map(ok -> ok ? "ok" : "OVER").orElse("-")});
      if (comparison.withinBudget().isPresent()) {
        budgets++;
        met += comparison.withinBudget().get() ? 1 : 0;
      }
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean left = i == 0 || i >= row.length - 2;
        line.append(String.format(Locale.ROOT, "%" + (left ? "-" : "") + widths[i] + "s", row[i])).append("  ");
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    for (Comparison comparison : comparisons) {
      out.println("  " + comparison.what() + ": " + comparison.measured().benchmark() + " vs "
          + comparison.baseline().benchmark());
    }
    out.println();
    out.println("budgets met: " + met + "/" + budgets);
  }

  private static String score(Comparison.Score score) {
    return Double.isNaN(score.error())
        ? String.format(Locale.ROOT, "%.1f", score.nanosPerOp())
        : String.format(Locale.ROOT, "%.1f ± %.1f", score.nanosPerOp(), score.error());
  }
}
