package io.openreplay.backend.logback.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.elasticsearch.ElasticsearchG1Lookup;
import io.openreplay.backend.testkit.fault.ErrorBurst;
import io.openreplay.backend.testkit.logback.XmlLogback;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch route writes a file that a shipper sends: a provider that is down reaches the shipper, never
 * the application. A burst of 1,000 errors through the README's encoder is 1,000 documents in the file, each one
 * that OpenReplay's G1 and G2 queries read (the token in {@code message}, {@code tags: error}, {@code utc_time} a
 * string, the session id phrase).
 */
class ElasticsearchBurstTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String SESSION_ID = "2618307011354435587";

  @Test
  void aBurstOfAThousandErrorsIsWrittenWhole(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("app.json");
    String xml = "<configuration>\n"
        + "  <appender name='OPENREPLAY_JSON' class='ch.qos.logback.core.FileAppender'>\n"
        + "    <file>${file}</file>\n"
        + "    <encoder class='io.openreplay.backend.logback.elasticsearch.OpenReplayLogstashEncoder'/>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='OPENREPLAY_JSON'/></root>\n"
        + "</configuration>\n";
    try (XmlLogback logback = XmlLogback.configure(xml, Map.of("file", file.toString()))) {
      ErrorBurst.log(logback.logger("shop.Checkout"), SessionToken.parse(TOKEN).orElseThrow(), 1000, true);
    }
    JsonMapper mapper = JsonMapper.builder().build();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(1000, lines.size(), "one document a record");
    long readable = lines.stream().map(mapper::readTree).filter(document -> readByOpenReplay(document)).count();
    assertEquals(1000, readable, "every document is one OpenReplay's queries find");
  }

  private static boolean readByOpenReplay(JsonNode document) {
    String message = document.path("message").asString("");
    boolean tagged = false;
    for (JsonNode tag : document.path("tags")) {
      tagged |= "error".equals(tag.asString(""));
    }
    return TOKEN.equals(ElasticsearchG1Lookup.extractToken(message)) && tagged
        && document.path("utc_time").isString() && message.contains("openReplaySession.id=" + SESSION_ID);
  }
}
