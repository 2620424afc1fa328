package io.openreplay.backend.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Every JMH benchmark once, with the shortest iterations, forked as in a real run (the agent's with
 * {@code -javaagent}), so that none of them rots: each produces a score and the table has its row. No timing is
 * asserted.
 */
class MicroBenchmarksSmokeTest {

  @Test
  void everyBenchmarkProducesAScoreAndEveryComparisonARow() throws RunnerException {
    assertTrue(Files.isRegularFile(Path.of(System.getProperty(JmhSettings.AGENT_JAR_PROPERTY))),
        "the agent jar is built before this module");
    JmhSettings settings = JmhSettings.parse(new String[] {"--forks=1", "--warmup-iterations=1", "--iterations=1",
        "--time=100ms", "--quiet"});
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    List<Comparison> comparisons = MicroBenchmarks.run(settings, new PrintStream(printed, true,
        StandardCharsets.UTF_8));

    String table = printed.toString(StandardCharsets.UTF_8);
    assertEquals(16, comparisons.size(), table);
    Set<BenchmarkGroup> groups = comparisons.stream().map(Comparison::group).collect(Collectors.toSet());
    assertEquals(EnumSet.allOf(BenchmarkGroup.class), groups, table);
    for (Comparison comparison : comparisons) {
      for (Comparison.Score score : List.of(comparison.baseline(), comparison.measured())) {
        assertTrue(Double.isFinite(score.nanosPerOp()) && score.nanosPerOp() > 0, score + "\n" + table);
      }
      assertTrue(table.lines().anyMatch(line -> line.startsWith(comparison.what())), comparison.what() + "\n"
          + table);
    }
    assertEquals(3, comparisons.stream().filter(comparison -> comparison.budget().isPresent()).count(), table);
    assertTrue(table.contains("budgets met: "), table);
  }
}
