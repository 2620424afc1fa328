package io.openreplay.backend.log4j2.json;

import static io.openreplay.backend.testing.Tokens.CONTRACT_ID;
import static io.openreplay.backend.testing.Tokens.CONTRACT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.log4j2.XmlLog4j;
import io.openreplay.backend.testing.Tokens;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG1Lookup;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG2Lookup;
import io.openreplay.backend.testkit.elasticsearch.LogShipper;
import io.openreplay.backend.testkit.elasticsearch.OpenSearchNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.core.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Log4j 2 {@code JsonTemplateLayout} with {@code OpenReplayLayout.json} writes JSON lines; they are bulk-indexed
 * into a real OpenSearch node on 127.0.0.1 as a log shipper would, into the index {@code logs}; OpenReplay's own G1
 * and G2 queries then find exactly the session's documents, and nothing of another session or of none.
 */
class ElasticsearchEndToEndTest {

  static final String PREFIX = "[openReplaySessionToken=" + CONTRACT_TOKEN + "] [openReplaySession.id=" + CONTRACT_ID
      + "] ";

  @TempDir
  Path dir;

  @Test
  void openReplaysQueriesFindTheSessionsDocuments() throws Exception {
    long since = System.currentTimeMillis() - 1_000;
    String other = Tokens.forSession(4_242_424_242L);
    Path file = dir.resolve("app.json");
    try (XmlLog4j log4j = XmlLog4j.configure("<Configuration status='WARN'><Appenders><File name='JSON' fileName='"
        + file + "'>" + OpenReplayLayoutTest.TEMPLATE + "</File></Appenders>"
        + "<Loggers><Root level='INFO'><AppenderRef ref='JSON'/></Root></Loggers></Configuration>")) {
      Logger log = log4j.logger("shop.Checkout");
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(CONTRACT_TOKEN).orElseThrow())) {
        log.info("cart shown");
        log.error("payment failed", new IllegalStateException("card declined"));
      }
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(other).orElseThrow())) {
        log.error("other session");
      }
      log.error("nightly job failed");
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    try (OpenSearchNode node = OpenSearchNode.start(testClasses.getParent().resolve("opensearch"))) {
      assertEquals(4, new LogShipper(node.http()).ship(ElasticsearchG2Lookup.INDEX, lines).size());

      ElasticsearchG1Lookup.Result g1 = new ElasticsearchG1Lookup(node.http()).find(since);
      assertEquals(List.of(), g1.shardFailures());
      assertEquals(List.of(), g1.rejected());
      assertEquals(List.of(PREFIX + "payment failed"),
          g1.linkedTo(CONTRACT_TOKEN).stream().map(ElasticsearchG1Lookup.Hit::message).collect(Collectors.toList()));
      assertEquals(1, g1.linkedTo(other).size(), g1::toString);
      assertEquals(2, g1.found().size(), g1::toString);

      ElasticsearchG2Lookup g2 = new ElasticsearchG2Lookup(node.http());
      ElasticsearchG2Lookup.Result session = g2.find(CONTRACT_ID);
      assertEquals(List.of(), session.rejected());
      assertEquals(Set.of(PREFIX + "cart shown", PREFIX + "payment failed"),
          session.found().stream().map(ElasticsearchG2Lookup.Hit::message).collect(Collectors.toSet()));
      assertEquals(Set.of("INFO", "ERROR"),
          session.found().stream().map(ElasticsearchG2Lookup.Hit::level).collect(Collectors.toSet()));
      assertTrue(g2.find("4242424243").found().isEmpty());
    }
  }
}
