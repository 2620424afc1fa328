package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One start of the clinic in one setup, measured: start-up to the first page, the warm-up, the server's CPU over the
 * measured page and error requests, then its resident memory; then the clinic is stopped.
 */
final class ClinicRun {

  private final BenchmarkSettings settings;
  private final long ticksPerSecond;

  /**
   * @param settings what to run and how much
   * @param ticksPerSecond the kernel's clock ticks per second
   */
  ClinicRun(BenchmarkSettings settings, long ticksPerSecond) {
    this.settings = settings;
    this.ticksPerSecond = ticksPerSecond;
  }

  /**
   * @param setup which agent, if any
   * @param logFile where the clinic's output goes
   * @return what it cost
   * @throws IOException when the clinic cannot be started or answers wrongly
   * @throws InterruptedException when interrupted
   */
  Measurement measure(AgentSetup setup, Path logFile) throws IOException, InterruptedException {
    List<String> command = command(setup);
    ClinicTraffic traffic = new ClinicTraffic(settings.token());
    long spawned = System.nanoTime();
    try (ClinicProcess clinic = ClinicProcess.start(command, logFile)) {
      traffic.target(clinic.awaitPort(settings.startTimeout()));
      traffic.homePage();
      double startupMillis = (System.nanoTime() - spawned) / 1e6;

      for (int n = 0; n < settings.warmupPages(); n++) {
        traffic.page(n);
      }
      for (int n = 0; n < settings.warmupErrors(); n++) {
        traffic.loggedError(n);
        if (n % 4 == 0) {
          traffic.uncaughtError(n);
        }
      }

      ProcessMeter meter = new ProcessMeter(clinic.pid(), ticksPerSecond);
      long before = meter.cpuMicros();
      for (int n = 0; n < settings.pageRequests(); n++) {
        traffic.page(n);
      }
      long afterPages = meter.cpuMicros();
      for (int n = 0; n < settings.errorRequests(); n++) {
        traffic.loggedError(n);
      }
      long afterErrors = meter.cpuMicros();
      double rssMegabytes = meter.residentKilobytes() / 1024.0;

      return new Measurement(startupMillis, rssMegabytes,
          (afterPages - before) / (double) settings.pageRequests(),
          (afterErrors - afterPages) / (double) settings.errorRequests());
    }
  }

  private List<String> command(AgentSetup setup) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(settings.java().toString());
    command.add("-Xms" + settings.heap());
    command.add("-Xmx" + settings.heap());
    command.add("-XX:+AlwaysPreTouch");
    command.addAll(setup.agentArguments(settings.paths()));
    command.add("-cp");
    command.add(settings.paths().appClasspath());
    command.add("io.openreplay.backend.bench.clinic.ClinicApplication");
    command.add("--server.port=0");
    return command;
  }
}
