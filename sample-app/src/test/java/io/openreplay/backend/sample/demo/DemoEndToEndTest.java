package io.openreplay.backend.sample.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's first command, end to end: the demo starts the seven receivers, the sample app with the real agent
 * jar, sends its requests and runs OpenReplay's lookups; it must report 7/7, and with one receiver broken 6/7 naming
 * that provider, failed by what the judgement saw at its receiver. Nothing may outlive it: not the sample app's
 * process, not a port, also when it is interrupted (SIGTERM runs the shutdown hooks as Ctrl-C does) or killed (the
 * sample app then ends when its pipe closes).
 */
class DemoEndToEndTest {

  private static final Duration DEMO_TIMEOUT = Duration.ofSeconds(300);

  @Test
  void everyProviderReceivesTheTokenAndNothingOutlivesTheDemo() throws Exception {
    try (DemoRun demo = DemoRun.start("full")) {
      int exit = demo.awaitExit(DEMO_TIMEOUT);
      long appPid = demo.awaitAppPid(Duration.ZERO);

      assertEquals("demo: 7/7 providers received the token", demo.lastLine().orElse(""), demo.output());
      assertEquals(0, exit, demo.output());
      for (Provider provider : Provider.values()) {
        assertTrue(demo.output().lines().anyMatch(line -> line.startsWith(provider.title() + " ")
            && line.endsWith(" ok")), provider.title() + " has no ok row:\n" + demo.output());
      }
      assertNothingLeft(demo, appPid);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Provider.class, names = {"DATADOG", "DYNATRACE"})
  void aBrokenReceiverFailsTheDemoBecauseTheJudgementFindsNothingThere(Provider broken) throws Exception {
    try (DemoRun demo = DemoRun.start("break-" + broken.cliName(), "--break", broken.cliName())) {
      int exit = demo.awaitExit(DEMO_TIMEOUT);
      long appPid = demo.awaitAppPid(Duration.ZERO);

      assertEquals("demo: 6/7 providers received the token", demo.lastLine().orElse(""), demo.output());
      assertEquals(1, exit, demo.output());
      assertTrue(demo.output().lines().anyMatch(line -> line.startsWith(broken.title() + " ")
          && line.endsWith("FAILED")), demo.output());
      assertTrue(demo.output().contains(broken.title() + " failed:\n  - its receiver got nothing"), demo.output());
      assertNothingLeft(demo, appPid);
    }
  }

  @Test
  void anInterruptedDemoLeavesNoProcessAndNoPort() throws Exception {
    try (DemoRun demo = DemoRun.start("interrupted")) {
      long appPid = demo.awaitAppPid(Duration.ofSeconds(180));
      assertTrue(DemoRun.isAlive(appPid), "the sample app should run while the demo runs");

      demo.interrupt();
      demo.awaitExit(Duration.ofSeconds(60));

      assertNothingLeft(demo, appPid);
    }
  }

  @Test
  void theSampleAppEndsByItselfWhenTheDemoIsKilled() throws Exception {
    try (DemoRun demo = DemoRun.start("killed")) {
      long appPid = demo.awaitAppPid(Duration.ofSeconds(180));
      assertTrue(DemoRun.isAlive(appPid), "the sample app should run while the demo runs");

      demo.kill();
      demo.awaitExit(Duration.ofSeconds(30));

      assertNothingLeft(demo, appPid);
    }
  }

  private static void assertNothingLeft(DemoRun demo, long appPid) throws Exception {
    Optional<ProcessHandle> app = ProcessHandle.of(appPid);
    if (app.isPresent()) {
      try {
        app.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        // Still running: the assertion below says so.
      }
    }
    assertFalse(DemoRun.isAlive(appPid), "the sample app (pid " + appPid + ") outlived the demo");
    Set<Integer> ports = demo.printedPorts();
    assertFalse(ports.isEmpty(), "the demo printed no port:\n" + demo.output());
    for (int port : ports) {
      assertTrue(DemoRun.isFree(port), "port " + port + " is still bound after the demo");
    }
  }
}
