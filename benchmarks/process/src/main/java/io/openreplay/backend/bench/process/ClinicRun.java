package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One round: the clinic started once in each setup, the clinics running side by side, measured.
 *
 * <ul>
 *   <li>Start-up: from spawning the JVM to the first 200 of the home page, each clinic alone on the machine (then
 *       stopped), {@code starts} times per setup with the setups in turns (the order turning from one start to the
 *       next); the round's figure is the median. A clinic started while another has just started would share the
 *       CPU with that one's JIT compiler, which goes on for seconds after its first answer. With {@code starts} 0,
 *       the start of the round's own clinic is taken instead.</li>
 *   <li>Warm-up: each clinic in turn gets the warm-up requests, then more in batches of {@value #WARMUP_BATCH_PAGES}
 *       pages (and a quarter as many errors) until its JIT compiler threads spent at most
 *       {@value #SETTLED_COMPILER_PERCENT}% of the CPU its other threads spent on the last batch, or the warm-up's
 *       limit is reached. Until the compiler is done, each request costs more than it will, by up to a half on this
 *       clinic; a process whose compiler took longer would otherwise look more expensive because of when it was
 *       measured.</li>
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

  /** The page requests of one warm-up batch past the minimum warm-up. */
  static final int WARMUP_BATCH_PAGES = 1000;

  /** The compiler threads' CPU over a warm-up batch, in percent of the other threads', below which it ends. */
  static final int SETTLED_COMPILER_PERCENT = 2;

  private static final boolean[] BOTH = {true, false};
  private static final boolean[] BOTH_REVERSED = {false, true};

  /**
   * One setup's round: its measurement (the requests with the token) and, in the same process, how much more CPU a
   * request with the token took than the same request without it.
   *
   * @param measurement what the setup cost, the requests carrying the token
   * @param tokenPageCost CPU per page with the token over CPU per page without it, less 1
   * @param tokenErrorCost the same for the logged errors
   * @param warmUp how the process's warm-up ended
   * @param startsAlone the start-ups of the setup alone in this round, in milliseconds, in the order taken; empty
   *     when the round's own clinic's start was taken
   */
  record SetupRound(Measurement measurement, double tokenPageCost, double tokenErrorCost, WarmUp warmUp,
      List<Double> startsAlone) {
  }

  private final BenchmarkSettings settings;

  /**
   * @param settings what to run and how much
   */
  ClinicRun(BenchmarkSettings settings) {
    this.settings = settings;
  }

  /**
   * @param order the setups, in the order of this round
   * @param logFile where the output of each setup's clinic goes
   * @return what each setup cost, by setup, and what the token cost in its own process
   * @throws IOException when a clinic cannot be started or answers wrongly
   * @throws InterruptedException when interrupted
   */
  Map<AgentSetup, SetupRound> measure(List<AgentSetup> order, Function<AgentSetup, Path> logFile)
      throws IOException, InterruptedException {
    Map<AgentSetup, double[]> alone = startsAlone(order, logFile);
    List<Clinic> clinics = new ArrayList<>();
    try {
      for (AgentSetup setup : order) {
        clinics.add(start(setup, logFile.apply(setup)));
      }
      for (Clinic clinic : clinics) {
        clinic.warmUp = warmUp(clinic);
      }
      for (int slice = 0; slice < SLICES; slice++) {
        int pages = share(settings.pageRequests(), slice);
        for (int turn = 0; turn < clinics.size(); turn++) {
          Clinic clinic = clinics.get((slice + turn) % clinics.size());
          for (boolean withToken : slice % 2 == 0 ? BOTH : BOTH_REVERSED) {
            long before = clinic.meter.cpuMicros();
            for (int n = 0; n < pages; n++) {
              clinic.traffic(withToken).page(clinic.pagesSent++);
            }
            clinic.pageCpu[withToken ? 1 : 0] += clinic.meter.cpuMicros() - before;
          }
        }
      }
      for (int slice = 0; slice < SLICES; slice++) {
        int errors = share(settings.errorRequests(), slice);
        for (int turn = 0; turn < clinics.size(); turn++) {
          Clinic clinic = clinics.get((slice + turn) % clinics.size());
          for (boolean withToken : slice % 2 == 0 ? BOTH : BOTH_REVERSED) {
            long before = clinic.meter.cpuMicros();
            for (int n = 0; n < errors; n++) {
              clinic.traffic(withToken).loggedError(clinic.errorsSent++);
            }
            clinic.errorCpu[withToken ? 1 : 0] += clinic.meter.cpuMicros() - before;
          }
        }
      }
      Map<AgentSetup, SetupRound> measured = new LinkedHashMap<>();
      for (Clinic clinic : clinics) {
        double[] starts = alone.get(clinic.setup);
        double startupMillis = starts != null ? Median.of(starts) : clinic.startupMillis;
        Measurement measurement = new Measurement(startupMillis, clinic.meter.residentKilobytes() / 1024.0,
            clinic.pageCpu[1] / (double) settings.pageRequests(), clinic.errorCpu[1] / (double) settings.errorRequests());
        measured.put(clinic.setup, new SetupRound(measurement,
            clinic.pageCpu[1] / (double) clinic.pageCpu[0] - 1, clinic.errorCpu[1] / (double) clinic.errorCpu[0] - 1,
            clinic.warmUp, starts != null ? Arrays.stream(starts).boxed().toList() : List.of()));
      }
      return measured;
    } finally {
      for (Clinic clinic : clinics) {
        clinic.process.close();
      }
    }
  }

  /** Each setup's start-ups with nothing else running, in milliseconds; none with {@code starts} 0. */
  private Map<AgentSetup, double[]> startsAlone(List<AgentSetup> order, Function<AgentSetup, Path> logFile)
      throws IOException, InterruptedException {
    Map<AgentSetup, double[]> alone = new LinkedHashMap<>();
    for (int start = 0; start < settings.starts(); start++) {
      for (int turn = 0; turn < order.size(); turn++) {
        AgentSetup setup = order.get((start + turn) % order.size());
        Path log = logFile.apply(setup);
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        Clinic clinic = start(setup, log.resolveSibling(name + "-start-" + (start + 1) + ".log"));
        clinic.process.close();
        alone.computeIfAbsent(setup, ignored -> new double[settings.starts()])[start] = clinic.startupMillis;
      }
    }
    return alone;
  }

  /** The requests of one slice: the total spread over the slices, the remainder on the first ones. */
  static int share(int total, int slice) {
    return total / SLICES + (slice < total % SLICES ? 1 : 0);
  }

  private Clinic start(AgentSetup setup, Path logFile) throws IOException, InterruptedException {
    ClinicTraffic traffic = new ClinicTraffic(settings.token());
    ClinicTraffic untokened = new ClinicTraffic(null);
    long spawned = System.nanoTime();
    ClinicProcess process = ClinicProcess.start(command(setup), logFile);
    try {
      int port = process.awaitPort(settings.startTimeout());
      traffic.target(port);
      untokened.target(port);
      traffic.homePage();
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.close();
      throw e;
    }
    double startupMillis = (System.nanoTime() - spawned) / 1e6;
    return new Clinic(setup, process, traffic, untokened, new ProcessMeter(process.pid()), startupMillis);
  }

  private WarmUp warmUp(Clinic clinic) throws IOException, InterruptedException {
    int pages = 0;
    int errors = 0;
    long work = clinic.meter.cpuMicros();
    long compiler = clinic.meter.compilerCpuMicros();
    int batchPages = settings.warmupPages();
    int batchErrors = settings.warmupErrors();
    while (true) {
      for (int n = pages; n < pages + batchPages; n++) {
        clinic.traffic(n % 2 == 0).page(n);
      }
      for (int n = errors; n < errors + batchErrors; n++) {
        clinic.traffic(n % 2 == 0).loggedError(n);
        if (n % 4 == 0) {
          clinic.traffic(true).uncaughtError(n);
        }
      }
      pages += batchPages;
      errors += batchErrors;
      long workNow = clinic.meter.cpuMicros();
      long compilerNow = clinic.meter.compilerCpuMicros();
      double compilerShare = (compilerNow - compiler) / (double) Math.max(1, workNow - work);
      if (compilerShare * 100 <= SETTLED_COMPILER_PERCENT || pages >= settings.warmupLimitPages()) {
        clinic.pagesSent = pages;
        clinic.errorsSent = errors;
        return new WarmUp(pages, compilerShare);
      }
      work = workNow;
      compiler = compilerNow;
      batchPages = WARMUP_BATCH_PAGES;
      batchErrors = WARMUP_BATCH_PAGES / 4;
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

  /**
   * How one process's warm-up ended.
   *
   * @param pages the page requests it took
   * @param compilerShare the compiler threads' CPU over the other threads' in its last batch
   */
  record WarmUp(int pages, double compilerShare) {
  }

  /** One setup's clinic in this round, and what it has cost so far (index 1: with the token, 0: without). */
  private static final class Clinic {
    final AgentSetup setup;
    final ClinicProcess process;
    final ClinicTraffic tokened;
    final ClinicTraffic untokened;
    final ProcessMeter meter;
    final double startupMillis;
    final long[] pageCpu = new long[2];
    final long[] errorCpu = new long[2];
    int pagesSent;
    int errorsSent;
    WarmUp warmUp;

    Clinic(AgentSetup setup, ClinicProcess process, ClinicTraffic tokened, ClinicTraffic untokened,
        ProcessMeter meter, double startupMillis) {
      this.setup = setup;
      this.process = process;
      this.tokened = tokened;
      this.untokened = untokened;
      this.meter = meter;
      this.startupMillis = startupMillis;
    }

    ClinicTraffic traffic(boolean withToken) {
      return withToken ? tokened : untokened;
    }
  }
}
