package io.openreplay.backend.sample.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.testkit.fault.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code benchmarks/run-fault-benchmark}: the sample app with the agent, its providers pointed
 * at loopback endpoints that fail, a few hundred requests, then SIGTERM. The requests are answered as with the
 * providers up, and the app exits within 15 s (the only time bound, a deadline: the app is killed after 60 s and the
 * test fails). The case first: Sentry and Rollbar accept connections and never answer, and before their
 * bounds the app never exited.
 */
class SampleAppFaultsTest {

  private static FaultRun run() throws Exception {
    Path agentJar = Path.of(System.getProperty("openreplay.demo.agentJar"));
    assertTrue(Files.isRegularFile(agentJar), "the agent jar is built: " + agentJar);
    Path workDir = Path.of(System.getProperty("openreplay.demo.appClasses")).getParent().resolve("faults-test");
    return new FaultRun(agentJar, System.getProperty("java.class.path"), workDir);
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
}
