package io.openreplay.backend.testkit.dynatrace;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small model of Dynatrace OneAgent (1.327+) reading a JSON log file, one JSON object a line, and shipping each
 * new complete line to a {@link DynatraceReceiver}:
 * <ul>
 *   <li>the record's content is the object's {@code message} (the whole line when it has none);</li>
 *   <li>its timestamp the first of {@link DynatraceIngest#TIMESTAMP_KEYS} found, its level the first of
 *       {@link DynatraceLogLevels#SEVERITY_KEYS} ({@code level} for logstash-logback-encoder), mapped as Dynatrace
 *       maps it;</li>
 *   <li>of the object's other top-level fields, only those declared as <em>custom log attributes</em> in Dynatrace
 *       (Settings, Log Monitoring, Custom attributes; keys matched exactly) become attributes: that is why OpenReplay's
 *       docs ask for {@code openReplaySession.id} to be declared. OneAgent adds {@code log.source}, the file.</li>
 * </ul>
 * A line that is not a JSON object is shipped as plain text without level. Shipping goes through the receiver's
 * ingest endpoint, already in the shape Dynatrace keeps, so the stored record is the one OneAgent would make.
 */
public final class OneAgentJsonLogFile {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Path file;
  private final Set<String> customAttributes;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private long offset;

  /**
   * @param file the log file OneAgent watches
   * @param customAttributes the custom log attributes declared in Dynatrace, e.g. {@code openReplaySession.id}
   */
  public OneAgentJsonLogFile(Path file, Set<String> customAttributes) {
    this.file = file;
    this.customAttributes = Set.copyOf(customAttributes);
  }

  /**
   * Reads the complete lines written since the last call and ships them.
   *
   * @param receiver where OneAgent sends
   * @return how many records were shipped
   * @throws IOException when the file cannot be read or the receiver refuses them
   * @throws InterruptedException when interrupted
   */
  public int shipNewLines(DynatraceReceiver receiver) throws IOException, InterruptedException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] bytes;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      bytes = new byte[(int) Math.max(0, length - offset)];
      in.seek(offset);
      in.readFully(bytes);
    }
    int end = lastNewline(bytes);
    if (end < 0) {
      return 0;
    }
    offset += end + 1;
    ArrayNode records = mapper.createArrayNode();
    for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        records.add(record(line));
      }
    }
    if (records.isEmpty()) {
      return 0;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.ingestUrl())).timeout(TIMEOUT)
        .header("Authorization", "Api-Token " + DynatraceReceiver.API_TOKEN)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(records.toString(), StandardCharsets.UTF_8)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
    }
    return records.size();
  }

  /**
   * @param line one line of the file
   * @return the record OneAgent makes of it, in the ingest shape
   */
  ObjectNode record(String line) {
    ObjectNode record = mapper.createObjectNode();
    record.put("log.source", file.toString());
    JsonNode object;
    try {
      object = mapper.readTree(line);
    } catch (JacksonException e) {
      object = null;
    }
    if (object == null || !object.isObject()) {
      record.put("content", line);
      return record;
    }
    record.put("content", object.path("message").isString() ? object.path("message").asString() : line);
    copyFirst(object, DynatraceIngest.TIMESTAMP_KEYS, "timestamp", record);
    copyFirst(object, DynatraceLogLevels.SEVERITY_KEYS, "level", record);
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (customAttributes.contains(field.getKey()) && field.getValue().isValueNode()) {
        record.put(field.getKey(), field.getValue().asString());
      }
    }
    return record;
  }

  private static void copyFirst(JsonNode object, String[] keys, String as, ObjectNode into) {
    for (String key : keys) {
      JsonNode value = object.path(key);
      if (value.isValueNode() && !value.isNull()) {
        into.put(as, value.asString());
        return;
      }
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
