package io.openreplay.backend.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The medians, overheads and budget verdicts of the table, on made-up measurements. */
class OverheadReportTest {

  private static final List<AgentSetup> ALL = List.of(AgentSetup.values());

  @Test
  void overheadsAreMediansOfEachRoundsDifferenceToItsOwnBaseline() {
    OverheadReport report = new OverheadReport(ALL, 3);
    // The baseline drifts from round to round; each agent adds a constant to its own round's baseline.
    double[] baseStartup = {1000, 2000, 1500};
    for (int round = 0; round < 3; round++) {
      double base = baseStartup[round];
      report.add(round, AgentSetup.NONE, new Measurement(base, 400, 1000, 2000));
      report.add(round, AgentSetup.OPENREPLAY, new Measurement(base + 100, 410, 1020, 2050));
      report.add(round, AgentSetup.OPENTELEMETRY, new Measurement(base + 1000, 450, 1100, 2200));
    }

    assertTrue(report.isComplete());
    assertEquals(Optional.of(1500.0), report.median(AgentSetup.NONE, Measure.STARTUP));
    assertEquals(100.0, report.overhead(AgentSetup.OPENREPLAY, Measure.STARTUP).orElseThrow(), 1e-9);
    assertEquals(1000.0, report.overhead(AgentSetup.OPENTELEMETRY, Measure.STARTUP).orElseThrow(), 1e-9);
    assertEquals(0.02, report.relativeOverhead(AgentSetup.OPENREPLAY, Measure.CPU_PER_PAGE).orElseThrow(), 1e-9);
    assertEquals(0.025, report.relativeOverhead(AgentSetup.OPENREPLAY, Measure.CPU_PER_LOGGED_ERROR).orElseThrow(),
        1e-9);

    assertEquals(Optional.of(true), report.withinBudget(Measure.STARTUP), "10% of OTel's overhead");
    assertEquals(Optional.of(true), report.withinBudget(Measure.RSS), "+10 MB");
    assertEquals(Optional.of(true), report.withinBudget(Measure.CPU_PER_PAGE), "+2%");
    assertEquals(Optional.of(true), report.withinBudget(Measure.CPU_PER_LOGGED_ERROR), "+2.5%");
  }

  @Test
  void overBudgetIsSaidSoAndTheTableHasARowPerMeasure() {
    OverheadReport report = new OverheadReport(ALL, 1);
    report.add(0, AgentSetup.NONE, new Measurement(5000, 400, 1000, 2000));
    report.add(0, AgentSetup.OPENREPLAY, new Measurement(5900, 430, 1050, 2020));
    report.add(0, AgentSetup.OPENTELEMETRY, new Measurement(6000, 460, 1100, 2200));

    assertEquals(Optional.of(false), report.withinBudget(Measure.STARTUP), "90% of OTel's overhead");
    assertEquals(Optional.of(false), report.withinBudget(Measure.RSS), "+30 MB");
    assertEquals(Optional.of(false), report.withinBudget(Measure.CPU_PER_PAGE), "+5%");
    assertEquals(Optional.of(true), report.withinBudget(Measure.CPU_PER_LOGGED_ERROR), "+1%");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    String table = printed.toString(StandardCharsets.UTF_8);
    for (Measure measure : Measure.values()) {
      assertTrue(table.lines().anyMatch(line -> line.startsWith(measure.title())), table);
    }
    assertTrue(table.contains("+900 (+18.0%)"), table);
    assertTrue(table.contains("90%"), table);
    assertTrue(table.contains("budgets met by the openreplay agent: 1/4"), table);
  }

  @Test
  void withoutTheReferenceTheStartUpBudgetCannotBeTold() {
    OverheadReport report = new OverheadReport(List.of(AgentSetup.NONE, AgentSetup.OPENREPLAY), 1);
    report.add(0, AgentSetup.NONE, new Measurement(5000, 400, 1000, 2000));
    report.add(0, AgentSetup.OPENREPLAY, new Measurement(5100, 405, 1010, 2010));

    assertEquals(Optional.empty(), report.withinBudget(Measure.STARTUP));
    assertEquals(Optional.of(true), report.withinBudget(Measure.RSS));
    assertFalse(report.median(AgentSetup.OPENTELEMETRY, Measure.RSS).isPresent());
  }
}
