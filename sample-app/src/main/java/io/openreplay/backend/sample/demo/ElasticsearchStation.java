package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchException;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG1Lookup;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG2Lookup;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchHttp;
import io.openreplay.backend.testkit.elasticsearch.LogShipper;
import io.openreplay.backend.testkit.elasticsearch.OpenSearchNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Elasticsearch: a real OpenSearch node in this JVM (started in the background, it is the slowest part of the demo).
 * The sample application writes JSON lines to a file; once it has stopped, they are bulk-indexed into index
 * {@value ElasticsearchG2Lookup#INDEX} (which OpenReplay G1's default pattern {@code *log*} also matches), as a log
 * shipper would, and OpenReplay's G1 and G2 queries run on the node. Broken, the shipper meets a port where nothing
 * listens, so the node holds nothing for the lookups to find.
 */
final class ElasticsearchStation implements ProviderStation {

  private static final long START_TIMEOUT_SECONDS = 120;

  private final Path workDirectory;
  private final Path jsonLines;
  private final Object lock = new Object();
  private CompletableFuture<OpenSearchNode> node;
  private boolean closed;
  private boolean broken;

  /**
   * @param workDirectory where the node keeps its files and the sample application writes its JSON lines
   */
  ElasticsearchStation(Path workDirectory) {
    this.workDirectory = workDirectory;
    this.jsonLines = workDirectory.resolve("elasticsearch-lines.json");
  }

  @Override
  public Provider provider() {
    return Provider.ELASTICSEARCH;
  }

  @Override
  public void start() throws IOException {
    Files.deleteIfExists(jsonLines);
    synchronized (lock) {
      node = new CompletableFuture<>();
    }
    Thread starter = new Thread(this::startNode, "opensearch-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startNode() {
    try {
      OpenSearchNode started = OpenSearchNode.start(workDirectory);
      synchronized (lock) {
        if (closed) {
          closeQuietly(started);
          node.completeExceptionally(new IllegalStateException("closed while starting"));
          return;
        }
        node.complete(started);
      }
    } catch (RuntimeException e) {
      node.completeExceptionally(e);
    }
  }

  @Override
  public String address() {
    CompletableFuture<OpenSearchNode> started;
    synchronized (lock) {
      started = node;
    }
    if (started == null || !started.isDone()) {
      return "starting";
    }
    return started.isCompletedExceptionally() ? "did not start" : started.join().uri().toString();
  }

  @Override
  public void breakReceiver() {
    broken = true;
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.env("ES_LOG_FILE", jsonLines.toAbsolutePath().toString());
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) throws Exception {
    ElasticsearchHttp http = awaitNode().http();
    List<String> lines = Files.exists(jsonLines) ? Files.readAllLines(jsonLines, StandardCharsets.UTF_8) : List.of();
    lines = lines.stream().filter(line -> !line.isBlank()).toList();
    List<String> notes = new ArrayList<>();
    List<String> shipped = List.of();
    try {
      new LogShipper(broken ? new ElasticsearchHttp(closedPort()) : http).ship(ElasticsearchG2Lookup.INDEX, lines);
      shipped = lines;
    } catch (ElasticsearchException e) {
      if (!broken) {
        throw e;
      }
      notes.add("the log shipper could not reach Elasticsearch: " + lines.size() + " lines stayed in " + jsonLines);
    }
    // What the node holds, whatever the shipper did: every index OpenReplay G1's default pattern matches.
    int received = http.send("GET", "*log*/_count", null).path("count").asInt();
    int withToken = 0;
    for (String line : shipped) {
      JsonNode document = ElasticsearchHttp.parse(line);
      if (document.has(SessionToken.TOKEN_KEY) || document.has(SessionToken.SESSION_ID_KEY)) {
        withToken++;
      }
    }
    ElasticsearchG1Lookup.Result g1 = new ElasticsearchG1Lookup(http).find(since.toEpochMilli());
    List<String> g1Tokens = g1.found().stream().map(ElasticsearchG1Lookup.Hit::token).toList();
    List<String> problems = new ArrayList<>();
    g1.rejected().forEach(rejected -> problems.add("G1 skipped " + rejected.id() + ": " + rejected.reason()));
    Map<String, Integer> g2 = new LinkedHashMap<>();
    ElasticsearchG2Lookup g2Lookup = new ElasticsearchG2Lookup(http);
    for (DemoSession session : sessions) {
      if (received == 0) {
        // The index G2 searches was never made: OpenReplay finds nothing there.
        g2.put(session.sessionId(), 0);
        continue;
      }
      ElasticsearchG2Lookup.Result result = g2Lookup.find(session.sessionId());
      g2.put(session.sessionId(), result.found().size());
      result.rejected().forEach(rejected -> problems.add("G2 cannot show " + rejected.id() + ": " + rejected.reason()));
    }
    return ProviderJudgement.judge(provider(), sessions, received, withToken, g1Tokens, g2,
        DemoTraffic.LOG_EVENTS_PER_SESSION, problems).withNotes(notes);
  }

  private OpenSearchNode awaitNode() throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<OpenSearchNode> started;
    synchronized (lock) {
      started = node;
    }
    return started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** An address where nothing listens: what the log shipper meets when Elasticsearch is down. */
  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }

  @Override
  public void close() {
    CompletableFuture<OpenSearchNode> started;
    synchronized (lock) {
      closed = true;
      started = node;
    }
    if (started != null && started.isDone() && !started.isCompletedExceptionally()) {
      closeQuietly(started.join());
    }
  }

  private static void closeQuietly(OpenSearchNode opensearch) {
    try {
      opensearch.close();
    } catch (IOException | RuntimeException e) {
      System.err.println("demo: the OpenSearch node did not stop cleanly: " + e);
    }
  }
}
