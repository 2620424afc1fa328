package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo, the README's first command: a loopback receiver for each {@link Provider}, the sample application with the
 * OpenReplay agent, requests with and without a session token, then OpenReplay's own lookups on each receiver, one
 * table row a provider, judged by {@link ProviderJudgement}. The last line is
 * {@code demo: N/M providers received the token}; the exit code is 0 when every provider passed, 1 when one failed,
 * 2 when the demo could not run.
 *
 * <p>Nothing outlives it: a shutdown hook (Ctrl-C included) ends the sample application and closes every receiver,
 * and the sample application also ends by itself when this process's pipe to it closes.
 */
public final class Demo {

  private static final Duration APP_START_TIMEOUT = Duration.ofSeconds(150);
  private static final Duration APP_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final DemoOptions options;
  private final PrintStream out;
  private final List<ProviderStation> stations = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile SampleAppProcess app;

  private Demo(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Runs the demo and exits with its code.
   *
   * @param args {@code --break NAME} or nothing
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    DemoOptions options;
    try {
      options = DemoOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      out.println("demo: " + e.getMessage());
      out.println(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    Demo demo = new Demo(options, out);
    Thread hook = new Thread(demo::close, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code;
    try {
      code = demo.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("demo: interrupted");
      code = 2;
    } catch (Exception e) {
      out.println("demo: could not run: " + e);
      code = 2;
    } finally {
      demo.close();
    }
    System.exit(code);
  }

  private int run() throws Exception {
    if (!Files.isRegularFile(options.agentJar())) {
      out.println("demo: no agent jar at " + options.agentJar().toAbsolutePath()
          + " (build it first: mvn -B -q -DskipTests package)");
      return 2;
    }
    Files.createDirectories(options.workDirectory());
    quietInternals(options.workDirectory().resolve("receivers.log"));
    out.println("OpenReplay demo: the sample app with -javaagent:" + options.agentJar()
        + ", " + Provider.values().length + " providers on 127.0.0.1");
    out.println("  (logs: " + options.workDirectory().resolve("sample-app.log") + ", "
        + options.workDirectory().resolve("receivers.log") + ")");

    for (Provider provider : Provider.values()) {
      stations.add(station(provider));
    }
    ChildSettings settings = new ChildSettings();
    settings.property("sample.port", "0");
    for (ProviderStation station : stations) {
      station.start();
      if (options.broken().equals(Optional.of(station.provider()))) {
        station.breakReceiver();
        out.println("  break: " + station.provider().title() + "'s receiver is down on purpose (--break "
            + station.provider().cliName() + ")");
      }
      station.configure(settings);
    }

    List<DemoSession> sessions = sessions();
    out.println("  sessions:");
    DemoTraffic.describe(sessions).forEach(line -> out.println("    " + line));

    app = SampleAppProcess.launch(options.agentJar(), System.getProperty("java.class.path"), settings,
        options.workDirectory().resolve("sample-app.log"));
    if (closed.get()) {
      app.close();
      return 2;
    }
    URI baseUrl = app.awaitServing(APP_START_TIMEOUT);
    out.println("  sample app: pid " + app.pid() + ", " + baseUrl + ", log "
        + options.workDirectory().resolve("sample-app.log"));

    Instant since = Instant.now().minusSeconds(1);
    int sent = new DemoTraffic(baseUrl).send(sessions);
    out.println("  sent " + sent + " requests: " + DemoTraffic.PATHS + " for each session, the same without a"
        + " token or with a refused header value in between");
    OptionalInt exit = app.stop(APP_STOP_TIMEOUT);
    out.println("  sample app stopped" + (exit.isPresent() ? " (exit " + exit.getAsInt() + ")" : " (killed)")
        + "; running OpenReplay's lookups");

    List<ProviderRow> rows = new ArrayList<>();
    for (ProviderStation station : stations) {
      ProviderRow row = check(station, sessions, since);
      if (options.broken().equals(Optional.of(station.provider()))) {
        // Context only: the row fails, or not, on what the judgement saw at the receiver.
        row = row.withNote("its receiver was taken down on purpose: --break " + station.provider().cliName());
      }
      rows.add(row);
    }
    out.println("  receivers:");
    for (ProviderStation station : stations) {
      out.println(String.format("    %-14s %s", station.provider().title(), station.address()));
    }
    out.println();
    out.println(DemoTable.render(rows));
    return rows.stream().allMatch(ProviderRow::passed) ? 0 : 1;
  }

  /**
   * Sends what the receivers and the in-process OpenSearch node print (they log to the standard streams) to a file,
   * so that the console shows the demo alone. The demo itself writes to the original standard output.
   */
  private static void quietInternals(Path file) throws IOException {
    PrintStream internals = new PrintStream(new FileOutputStream(file.toFile()), true, StandardCharsets.UTF_8);
    System.setOut(internals);
    System.setErr(internals);
  }

  private ProviderStation station(Provider provider) {
    switch (provider) {
      case SENTRY:
        return new SentryStation();
      case ROLLBAR:
        return new RollbarStation();
      case CLOUD_LOGGING:
        return new CloudLoggingStation();
      case CLOUDWATCH:
        return new CloudWatchStation();
      case ELASTICSEARCH:
        return new ElasticsearchStation(options.workDirectory());
      case DATADOG:
        return new DatadogStation(options.workDirectory());
      case DYNATRACE:
        return new DynatraceStation(options.workDirectory());
      default:
        throw new IllegalArgumentException("no station for " + provider);
    }
  }

  private static List<DemoSession> sessions() {
    DemoTokens tokens = DemoTokens.secure();
    long now = System.currentTimeMillis();
    SessionToken first = tokens.next(now);
    SessionToken second = tokens.next(now);
    return List.of(
        new DemoSession(DemoTokens.CONTRACT_TOKEN, DemoTokens.CONTRACT_SESSION_ID, "X-OpenReplay-SessionToken"),
        new DemoSession(first.token(), first.sessionId(), "X-OpenReplay-Session-Token"),
        new DemoSession(second.token(), second.sessionId(), "X-OpenReplay-SessionToken"));
  }

  private static ProviderRow check(ProviderStation station, List<DemoSession> sessions, Instant since)
      throws InterruptedException {
    try {
      return station.check(sessions, since);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return ProviderRow.failed(station.provider(), "OpenReplay's lookup failed: " + e.getMessage());
    }
  }

  /** Ends the sample application and closes every receiver; runs once. */
  private void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    SampleAppProcess running = app;
    if (running != null) {
      running.close();
    }
    for (ProviderStation station : stations) {
      station.close();
    }
  }
}
