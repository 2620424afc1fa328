package io.openreplay.backend.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The soak, short: 20,000 requests with each setup (the agent on the plain application, the filter and logback
 * outlet on the library user's), a checkpoint every 5,000. Every request is answered as it should, every unit of work
 * logged its event, no event carried another request's token or lacked its own (a request without a token, and the
 * application's work outside any request on the same pools: none at all), and the application has as many threads
 * at the end as at the first checkpoint. The heap is printed, not asserted, and nothing is timed.
 */
class SoakSmokeTest {

  private static final int REQUESTS = 20_000;

  @Test
  void everyUnitOfWorkSeesItsOwnRequestsTokenWithEachSetupAndNoThreadIsLeft() throws Exception {
    SoakPaths build = SoakPaths.fromBuild();
    SoakSettings settings = SoakSettings.parse(new String[] {"--requests=" + REQUESTS, "--checkpoint-every=5000",
        "--output=" + build.outputDir().resolveSibling("soak-smoke")}, build);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    List<SoakResult> results = SoakBenchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));

    String report = printed.toString(StandardCharsets.UTF_8);
    System.out.println(report);
    assertEquals(List.of(SoakSetup.AGENT, SoakSetup.FILTER), results.stream().map(SoakResult::setup).toList());
    for (SoakResult result : results) {
      String setup = result.setup().label() + "\n" + report;
      assertEquals(4, result.checkpoints().size(), setup);
      assertEquals(0, result.failedRequests(), setup);
      assertEquals(RequestKind.eventsOf(REQUESTS), result.requestEvents(), setup);
      assertTrue(result.backgroundEvents() > 0, "work outside requests was checked: " + setup);
      assertEquals(0, result.last().mismatches(), setup);
      assertEquals(0, result.last().missing(), setup);
      assertTrue(result.threadGrowth() <= 0, "threads grew: " + setup);
      assertTrue(result.tokensRight(), setup);
    }
    assertTrue(report.lines().anyMatch(line -> line.startsWith("agent ") && line.contains(" mismatches 0 ")), report);
    assertTrue(report.lines().anyMatch(line -> line.startsWith("filter ") && line.contains(" mismatches 0 ")), report);
  }
}
