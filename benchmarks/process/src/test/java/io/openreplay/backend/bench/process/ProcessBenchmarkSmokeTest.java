package io.openreplay.backend.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One round of the process benchmark with few requests, so that it keeps working: every setup starts, answers and is
 * measured, the table has every row, and the OpenReplay agent did its work in its run. No timing is asserted.
 */
class ProcessBenchmarkSmokeTest {

  @Test
  void oneRoundMeasuresEverySetupAndPrintsEveryRow() throws IOException, InterruptedException {
    BuildPaths build = BuildPaths.fromBuild();
    Path output = build.outputDir().resolveSibling("process-benchmark-smoke");
    BenchmarkSettings settings = BenchmarkSettings.parse(new String[] {"--rounds=1", "--starts=1", "--warmup-pages=12",
        "--warmup-errors=4", "--warmup-limit-pages=12", "--page-requests=24", "--error-requests=8",
        "--output=" + output}, build);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    OverheadReport report = ProcessBenchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));

    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.isComplete(), table);
    assertEquals(List.of(AgentSetup.values()), settings.setups());
    for (Measure measure : Measure.values()) {
      for (AgentSetup setup : AgentSetup.values()) {
        Optional<Double> median = report.median(setup, measure);
        assertTrue(median.isPresent() && Double.isFinite(median.get()) && median.get() >= 0,
            setup + " " + measure + "\n" + table);
      }
      assertTrue(report.overhead(AgentSetup.OPENREPLAY, measure).isPresent(), measure + "\n" + table);
      assertTrue(report.overhead(AgentSetup.OPENTELEMETRY, measure).isPresent(), measure + "\n" + table);
      assertTrue(table.lines().anyMatch(line -> line.startsWith(measure.title())), measure + "\n" + table);
    }
    assertTrue(table.contains("budgets met by the openreplay agent: "), table);
    assertTrue(table.contains("in each setup's own process, CPU of a request with the token over the same request")
        && table.lines().anyMatch(line -> line.startsWith("  openreplay ") && line.contains("page ")), table);

    String token = BenchmarkSettings.CONTRACT_TOKEN;
    assertTrue(Files.readAllLines(output.resolve("round-1-openreplay.log"), StandardCharsets.UTF_8).stream()
        .anyMatch(line -> line.contains("payment failed for order") && line.contains(token)),
        "the agent's run logged the payment error with the request's token");
    assertFalse(Files.readString(output.resolve("round-1-none.log"), StandardCharsets.UTF_8).contains(token),
        "the baseline knows nothing of the token");
  }
}
