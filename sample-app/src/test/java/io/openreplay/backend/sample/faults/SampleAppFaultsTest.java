package io.openreplay.backend.sample.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ShutdownDeadline;
import io.openreplay.backend.testkit.fault.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code benchmarks/run-fault-benchmark}: the sample app with the agent, its providers pointed
 * at loopback endpoints that fail, a few hundred requests, then SIGTERM. The requests are answered as with the
 * providers up, and the app exits within 15 s (the only time bound, a deadline: the app is killed after 60 s and the
 * test fails). The case first: Sentry and Rollbar accept connections and never answer, and before their
 * bounds the app never exited. Then all of them never answering at once: before the {@link ShutdownDeadline}, their
 * bounds added up to about 20 s.
 */
class SampleAppFaultsTest {

  private static FaultRun run() throws Exception {
    return run(Map.of());
  }

  private static FaultRun run(Map<String, String> appProperties) throws Exception {
    Path agentJar = Path.of(System.getProperty("openreplay.demo.agentJar"));
    assertTrue(Files.isRegularFile(agentJar), "the agent jar is built: " + agentJar);
    Path workDir = Path.of(System.getProperty("openreplay.demo.appClasses")).getParent().resolve("faults-test");
    return new FaultRun(agentJar, System.getProperty("java.class.path"), workDir, appProperties);
  }

  private static void assertAnsweredAndExited(FaultRunResult result) {
    assertEquals(0, result.failed(), "every request answered as with the providers up: " + result);
    assertTrue(result.exitAfterSigterm().isPresent(), "the app exited after SIGTERM: " + result);
    assertTrue(result.exitAfterSigterm().get().compareTo(FaultBenchmark.EXIT_BOUND) <= 0,
        "the app exited within 15 s of SIGTERM: " + result);
  }

  @Test
  void sentryAndRollbarNeverAnswering() throws Exception {
    assertAnsweredAndExited(run().run(List.of(FaultedProvider.SENTRY, FaultedProvider.ROLLBAR), Fault.NEVER_ANSWERS,
        0, 400));
  }

  @Test
  void theOtherNetworkProvidersNeverAnswering() throws Exception {
    assertAnsweredAndExited(run().run(List.of(FaultedProvider.CLOUD_LOGGING, FaultedProvider.CLOUDWATCH),
        Fault.NEVER_ANSWERS, 0, 100));
    assertAnsweredAndExited(run().run(List.of(FaultedProvider.DATADOG_TCP, FaultedProvider.DYNATRACE),
        Fault.NEVER_ANSWERS, 0, 100));
  }

  @Test
  void everyHttpProviderThrottling() throws Exception {
    assertAnsweredAndExited(run().run(List.of(FaultedProvider.SENTRY, FaultedProvider.ROLLBAR,
        FaultedProvider.CLOUD_LOGGING, FaultedProvider.CLOUDWATCH, FaultedProvider.DYNATRACE), Fault.THROTTLED, 0, 100));
  }

  @Test
  void everyNetworkProviderNeverAnsweringAtOnce() throws Exception {
    // logback's status (what the bounded stops say they left unsent) on the app's output, which the run keeps.
    FaultRun run = run(Map.of("logback.statusListenerClass", "ch.qos.logback.core.status.OnConsoleStatusListener"));
    List<FaultedProvider> all = List.of(FaultedProvider.values());
    assertAnsweredAndExited(run.run(all, Fault.NEVER_ANSWERS, 0, 20));

    String log = Files.readString(run.appLog(all, Fault.NEVER_ANSWERS), StandardCharsets.UTF_8);
    // The exit came from the stops being cut short, each saying so, not from anything skipped without a word.
    assertTrue(log.contains("] - Rollbar: ") && log.contains(" items dropped in all "), log);
    assertTrue(log.contains("the appenders of CLOUD_LOGGING_BOUNDED are still stopping after"), log);
    assertTrue(log.contains("the appenders of CLOUDWATCH_BOUNDED are still stopping after"), log);
    assertTrue(log.contains("Dynatrace: the flush at stop had "), log);
    assertTrue(log.contains("log records dropped since the last report"), log);
    assertTrue(log.contains("what was left of the shutdown's " + ShutdownDeadline.DEFAULT_BUDGET_MILLIS + " ms"),
        "the later stops had what was left of the one budget, not their own 5 s each: " + log);
  }
}
