package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One round: the clinic started once in each setup, the clinics running side by side, measured.
 *
 * <ul>
 *   <li>Start-up: each clinic in turn, in the round's order, from spawning its JVM to the first 200 of the home
 *       page, while the clinics started before it sit idle.</li>
 *   <li>Warm-up: each clinic in turn gets the warm-up requests.</li>
 *   <li>Server CPU: the measured requests go in {@value #SLICES} slices; each slice sends its share of the page (then
 *       of the error) requests to every clinic in turn, the order turning from slice to slice, and adds the CPU each
 *       clinic spent over its share. So every clinic is measured over the same stretch of time, and a change in what
 *       else the machine is doing falls on all of them alike, instead of on whichever setup ran at that moment.</li>
 *   <li>Resident memory of each, after the load; then all are stopped.</li>
 * </ul>
 */
final class ClinicRun {

  /** How many slices the measured requests are cut into. */
  static final int SLICES = 20;

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
   * @param order the setups, in the order of this round
   * @param logFile where the output of each setup's clinic goes
   * @return what each setup cost, by setup
   * @throws IOException when a clinic cannot be started or answers wrongly
   * @throws InterruptedException when interrupted
   */
  Map<AgentSetup, Measurement> measure(List<AgentSetup> order, Function<AgentSetup, Path> logFile)
      throws IOException, InterruptedException {
    List<Clinic> clinics = new ArrayList<>();
    try {
      for (AgentSetup setup : order) {
        clinics.add(start(setup, logFile.apply(setup)));
      }
      for (Clinic clinic : clinics) {
        warmUp(clinic.traffic);
      }
      for (int slice = 0; slice < SLICES; slice++) {
        int pages = share(settings.pageRequests(), slice);
        for (int turn = 0; turn < clinics.size(); turn++) {
          Clinic clinic = clinics.get((slice + turn) % clinics.size());
          long before = clinic.meter.cpuMicros();
          for (int n = 0; n < pages; n++) {
            clinic.traffic.page(clinic.pagesSent++);
          }
          clinic.pageCpu += clinic.meter.cpuMicros() - before;
        }
      }
      for (int slice = 0; slice < SLICES; slice++) {
        int errors = share(settings.errorRequests(), slice);
        for (int turn = 0; turn < clinics.size(); turn++) {
          Clinic clinic = clinics.get((slice + turn) % clinics.size());
          long before = clinic.meter.cpuMicros();
          for (int n = 0; n < errors; n++) {
            clinic.traffic.loggedError(clinic.errorsSent++);
          }
          clinic.errorCpu += clinic.meter.cpuMicros() - before;
        }
      }
      Map<AgentSetup, Measurement> measured = new LinkedHashMap<>();
      for (Clinic clinic : clinics) {
        measured.put(clinic.setup, new Measurement(clinic.startupMillis, clinic.meter.residentKilobytes() / 1024.0,
            clinic.pageCpu / (double) settings.pageRequests(), clinic.errorCpu / (double) settings.errorRequests()));
      }
      return measured;
    } finally {
      for (Clinic clinic : clinics) {
        clinic.process.close();
      }
    }
  }

  /** The requests of one slice: the total spread over the slices, the remainder on the first ones. */
  static int share(int total, int slice) {
    return total / SLICES + (slice < total % SLICES ? 1 : 0);
  }

  private Clinic start(AgentSetup setup, Path logFile) throws IOException, InterruptedException {
    ClinicTraffic traffic = new ClinicTraffic(settings.token());
    long spawned = System.nanoTime();
    ClinicProcess process = ClinicProcess.start(command(setup), logFile);
    try {
      traffic.target(process.awaitPort(settings.startTimeout()));
      traffic.homePage();
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.close();
      throw e;
    }
    double startupMillis = (System.nanoTime() - spawned) / 1e6;
    return new Clinic(setup, process, traffic, new ProcessMeter(process.pid(), ticksPerSecond), startupMillis);
  }

  private void warmUp(ClinicTraffic traffic) throws IOException, InterruptedException {
    for (int n = 0; n < settings.warmupPages(); n++) {
      traffic.page(n);
    }
    for (int n = 0; n < settings.warmupErrors(); n++) {
      traffic.loggedError(n);
      if (n % 4 == 0) {
        traffic.uncaughtError(n);
      }
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

  /** One setup's clinic in this round, and what it has cost so far. */
  private static final class Clinic {
    final AgentSetup setup;
    final ClinicProcess process;
    final ClinicTraffic traffic;
    final ProcessMeter meter;
    final double startupMillis;
    long pageCpu;
    long errorCpu;
    int pagesSent;
    int errorsSent;

    Clinic(AgentSetup setup, ClinicProcess process, ClinicTraffic traffic, ProcessMeter meter, double startupMillis) {
      this.setup = setup;
      this.process = process;
      this.traffic = traffic;
      this.meter = meter;
      this.startupMillis = startupMillis;
    }
  }
}
