package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.datadog.DatadogAgentTail;
import io.openreplay.backend.testkit.datadog.DatadogG1Lookup;
import io.openreplay.backend.testkit.datadog.DatadogG2Lookup;
import io.openreplay.backend.testkit.datadog.DatadogLog;
import io.openreplay.backend.testkit.datadog.DatadogReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Datadog: the sample application writes logstash-logback-encoder's JSON lines, unchanged, to a file; once it has
 * stopped, the testkit's model of the Datadog Agent tails that file into the testkit's Datadog intake, and
 * OpenReplay's G1 ({@code status:error openReplaySessionToken}) and G2 ({@code openReplaySession.id=<id>} on index
 * {@code main}) searches run on it. Broken, the Agent ships to an intake where nothing listens any more, so Datadog
 * holds nothing for the searches to find.
 */
final class DatadogStation implements ProviderStation {

  /** The Agent's {@code service:}, as in its {@code conf.d/java.d/conf.yaml}. */
  static final String SERVICE = "sample-app";

  /** The Agent's {@code source:} for a Java application. */
  static final String SOURCE = "java";

  private final Path jsonLines;
  private DatadogReceiver receiver;
  /** The Agent: tails the file into the receiver's intake, or, broken, into an intake that is down. */
  private DatadogAgentTail agent;
  private boolean broken;

  /**
   * @param workDirectory where the sample application writes the JSON lines the Agent tails
   */
  DatadogStation(Path workDirectory) {
    this.jsonLines = workDirectory.resolve("datadog-lines.json");
  }

  @Override
  public Provider provider() {
    return Provider.DATADOG;
  }

  @Override
  public void start() throws IOException {
    Files.deleteIfExists(jsonLines);
    receiver = DatadogReceiver.start();
    agent = DatadogAgentTail.of(jsonLines, receiver, SERVICE, SOURCE);
  }

  @Override
  public String address() {
    return receiver.baseUrl();
  }

  @Override
  public void breakReceiver() {
    broken = true;
    try (DatadogReceiver down = DatadogReceiver.start()) {
      agent = DatadogAgentTail.of(jsonLines, down, SERVICE, SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.env("DATADOG_LOG_FILE", jsonLines.toAbsolutePath().toString());
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) throws InterruptedException {
    List<String> notes = new ArrayList<>();
    try {
      agent.shipNewLines();
    } catch (UncheckedIOException e) {
      if (!broken) {
        throw e;
      }
      notes.add("the Datadog Agent could not reach the intake: " + e.getCause());
    }
    List<DatadogLog> logs = receiver.logs();
    int withToken = (int) logs.stream()
        .filter(log -> log.attributeText(SessionToken.TOKEN_KEY) != null
            || log.attributeText(SessionToken.SESSION_ID_KEY) != null
            || TokenMentions.inText(log.message()))
        .count();
    List<String> g1Tokens = DatadogG1Lookup.of(receiver).find(since.toEpochMilli(), System.currentTimeMillis())
        .stream().map(DatadogG1Lookup.Found::token).toList();
    Map<String, Integer> g2 = new LinkedHashMap<>();
    DatadogG2Lookup g2Lookup = DatadogG2Lookup.of(receiver);
    for (DemoSession session : sessions) {
      g2.put(session.sessionId(), g2Lookup.find(session.sessionId()).size());
    }
    return ProviderJudgement.judge(provider(), sessions, logs.size(), withToken, g1Tokens, g2,
        DemoTraffic.ERRORS_PER_SESSION, receiver.problems()).withNotes(notes);
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
