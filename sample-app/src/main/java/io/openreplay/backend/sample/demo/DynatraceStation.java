package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.dynatrace.DynatraceLogRecord;
import io.openreplay.backend.testkit.dynatrace.DynatraceLookup;
import io.openreplay.backend.testkit.dynatrace.DynatraceReceiver;
import io.openreplay.backend.testkit.dynatrace.OneAgentJsonLogFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dynatrace: the sample application writes logstash-logback-encoder's JSON lines, unchanged, to a file; once it has
 * stopped, the testkit's model of OneAgent reads that file, with {@code openReplaySession.id} declared as a custom
 * log attribute as OpenReplay's docs ask, into the testkit's Log ingest API v2, and OpenReplay G2's own search
 * ({@code (status="WARN" OR status="ERROR") AND openReplaySession.id=<id>}) runs on it. OpenReplay G1 has no Dynatrace
 * integration. Broken, the ingest answers 503 and keeps nothing, so the search finds nothing.
 */
final class DynatraceStation implements ProviderStation {

  /** What is declared in Dynatrace as custom log attributes (Settings, Log Monitoring, Custom attributes). */
  static final Set<String> CUSTOM_ATTRIBUTES = Set.of(SessionToken.SESSION_ID_KEY);

  private static final int UNAVAILABLE = 503;

  private final Path jsonLines;
  private DynatraceReceiver receiver;
  private boolean broken;

  /**
   * @param workDirectory where the sample application writes the JSON lines OneAgent reads
   */
  DynatraceStation(Path workDirectory) {
    this.jsonLines = workDirectory.resolve("dynatrace-lines.json");
  }

  @Override
  public Provider provider() {
    return Provider.DYNATRACE;
  }

  @Override
  public void start() throws IOException {
    Files.deleteIfExists(jsonLines);
    receiver = DynatraceReceiver.start();
  }

  @Override
  public String address() {
    return receiver.environmentUrl();
  }

  @Override
  public void breakReceiver() {
    broken = true;
    receiver.answerIngestWith(UNAVAILABLE);
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.env("DYNATRACE_LOG_FILE", jsonLines.toAbsolutePath().toString());
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) throws IOException, InterruptedException {
    List<String> notes = new ArrayList<>();
    try {
      new OneAgentJsonLogFile(jsonLines, CUSTOM_ATTRIBUTES).shipNewLines(receiver);
    } catch (IOException e) {
      if (!broken) {
        throw e;
      }
      notes.add("OneAgent could not ship: " + e.getMessage());
    }
    List<DynatraceLogRecord> records = receiver.records();
    int withToken = (int) records.stream()
        .filter(record -> record.attribute(SessionToken.SESSION_ID_KEY) != null
            || record.attribute(SessionToken.TOKEN_KEY) != null
            || TokenMentions.inText(record.content()))
        .count();
    Map<String, Integer> g2 = new LinkedHashMap<>();
    DynatraceLookup lookup = DynatraceLookup.of(receiver);
    for (DemoSession session : sessions) {
      g2.put(session.sessionId(), lookup.forSession(session.sessionId()).size());
    }
    return ProviderJudgement.judge(provider(), sessions, records.size(), withToken, null, g2,
        DemoTraffic.ERRORS_PER_SESSION, receiver.problems()).withNotes(notes);
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
