package io.openreplay.backend.bench.process;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The measurements of one benchmark run, by round and setup, and the table of their medians: each measure for every
 * setup, each agent's overhead against the baseline of the same round, our overhead as a share of OpenTelemetry's,
 * and whether our overhead is within the budget.
 */
public final class OverheadReport {

  private final List<AgentSetup> setups;
  private final int rounds;
  private final Map<AgentSetup, Measurement[]> measurements = new EnumMap<>(AgentSetup.class);

  /**
   * @param setups the setups compared, {@link AgentSetup#NONE} among them
   * @param rounds how many rounds the run has
   */
  public OverheadReport(List<AgentSetup> setups, int rounds) {
    this.setups = List.copyOf(setups);
    this.rounds = rounds;
    for (AgentSetup setup : setups) {
      measurements.put(setup, new Measurement[rounds]);
    }
  }

  /**
   * @param round the round, from 0
   * @param setup the setup measured
   * @param measurement what it cost
   */
  public void add(int round, AgentSetup setup, Measurement measurement) {
    measurements.get(setup)[round] = measurement;
  }

  /**
   * @return whether every setup has a measurement in every round
   */
  public boolean isComplete() {
    return measurements.values().stream().allMatch(perRound -> Arrays.stream(perRound).allMatch(m -> m != null));
  }

  /**
   * @param setup a setup
   * @param measure a measure
   * @return the median of the setup's values over the rounds measured; empty when it has none
   */
  public Optional<Double> median(AgentSetup setup, Measure measure) {
    Measurement[] perRound = measurements.get(setup);
    if (perRound == null) {
      return Optional.empty();
    }
    return median(Arrays.stream(perRound).filter(m -> m != null).mapToDouble(measure::of).toArray());
  }

  /**
   * @param setup an agent setup
   * @param measure a measure
   * @return the median over the rounds of the setup's value minus the baseline's of the same round
   */
  public Optional<Double> overhead(AgentSetup setup, Measure measure) {
    return median(pairedWithBaseline(setup, measure, false));
  }

  /**
   * @param setup an agent setup
   * @param measure a measure
   * @return the median over the rounds of the setup's overhead as a fraction of the same round's baseline
   */
  public Optional<Double> relativeOverhead(AgentSetup setup, Measure measure) {
    return median(pairedWithBaseline(setup, measure, true));
  }

  private double[] pairedWithBaseline(AgentSetup setup, Measure measure, boolean relative) {
    Measurement[] ours = measurements.get(setup);
    Measurement[] baseline = measurements.get(AgentSetup.NONE);
    if (ours == null || baseline == null) {
      return new double[0];
    }
    List<Double> values = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      if (ours[round] != null && baseline[round] != null) {
        double base = measure.of(baseline[round]);
        double difference = measure.of(ours[round]) - base;
        if (!relative) {
          values.add(difference);
        } else if (base > 0) {
          values.add(difference / base);
        }
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * @param measure a measure
   * @return whether the OpenReplay agent's overhead is within the measure's budget; empty when it cannot be told
   */
  public Optional<Boolean> withinBudget(Measure measure) {
    Optional<Double> ours = overhead(AgentSetup.OPENREPLAY, measure);
    Optional<Double> oursRelative = relativeOverhead(AgentSetup.OPENREPLAY, measure);
    if (ours.isEmpty() || oursRelative.isEmpty()) {
      return Optional.empty();
    }
    return measure.budget().isMet(ours.get(), oursRelative.get(), overhead(AgentSetup.OPENTELEMETRY, measure));
  }

  /**
   * Prints the table of medians and the budgets' verdict.
   *
   * @param out where to print
   */
  public void print(PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("measure (median of " + rounds + ")"));
    for (AgentSetup setup : setups) {
      header.add(setup.label());
    }
    for (AgentSetup setup : setups) {
      if (setup != AgentSetup.NONE) {
        header.add(setup.label() + " overhead");
      }
    }
    header.addAll(List.of("ours / OTel's", "budget (ours)", "result"));
    rows.add(header.toArray(new String[0]));

    int met = 0;
    int told = 0;
    for (Measure measure : Measure.values()) {
      List<String> row = new ArrayList<>(List.of(measure.title()));
      for (AgentSetup setup : setups) {
        row.add(median(setup, measure).map(value -> number(value, measure.decimals(), false)).orElse("-"));
      }
      for (AgentSetup setup : setups) {
        if (setup != AgentSetup.NONE) {
          row.add(overheadCell(setup, measure));
        }
      }
      row.add(shareOfReference(measure));
      row.add(measure.budget().describe(measure.unit()));
      Optional<Boolean> verdict = withinBudget(measure);
      row.add(verdict.map(ok -> ok ? "ok" : "OVER").orElse("-"));
      if (verdict.isPresent()) {
        told++;
        met += verdict.get() ? 1 : 0;
      }
      rows.add(row.toArray(new String[0]));
    }
    printAligned(rows, out);
    out.println();
    out.println("overheads are medians of each round's difference to the same round's baseline (none)");
    out.println("budgets met by the openreplay agent: " + met + "/" + told);
  }

  private String overheadCell(AgentSetup setup, Measure measure) {
    Optional<Double> absolute = overhead(setup, measure);
    Optional<Double> relative = relativeOverhead(setup, measure);
    if (absolute.isEmpty()) {
      return "-";
    }
    return number(absolute.get(), measure.decimals(), true)
        + relative.map(r -> " (" + number(r * 100, 1, true) + "%)").orElse("");
  }

  private String shareOfReference(Measure measure) {
    Optional<Double> ours = overhead(AgentSetup.OPENREPLAY, measure);
    Optional<Double> reference = overhead(AgentSetup.OPENTELEMETRY, measure);
    if (ours.isEmpty() || reference.isEmpty() || reference.get() <= 0) {
      return "-";
    }
    return number(ours.get() / reference.get() * 100, 0, false) + "%";
  }

  private static String number(double value, int decimals, boolean signed) {
    return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + decimals + "f", value);
  }

  private static void printAligned(List<String[]> rows, PrintStream out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        if (i == 0 || i >= columns - 2) {
          line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
        } else {
          line.append(String.format(Locale.ROOT, "%" + widths[i] + "s", row[i]));
        }
        line.append(i < columns - 1 ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static Optional<Double> median(double[] values) {
    return values.length == 0 ? Optional.empty() : Optional.of(Median.of(values));
  }
}
