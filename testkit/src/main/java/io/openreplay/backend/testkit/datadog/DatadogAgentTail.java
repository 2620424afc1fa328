package io.openreplay.backend.testkit.datadog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model of the Datadog Agent tailing one log file ({@code logs: - type: file, path:, service:, source:} in a
 * {@code conf.d/<name>.d/conf.yaml}): each complete line is one log, or, with a {@code multi_line} rule, a line that
 * does not match the rule's pattern belongs to the log before it; each log is shipped as the Agent ships it, to the
 * HTTP intake ({@code POST /api/v2/logs}, gzip, {@code DD-API-KEY}), with the line as its {@code message}, the
 * Agent's {@code status} {@code info}, and the configured {@code service}, {@code ddsource} and {@code ddtags}. What
 * a line means (a JSON line's fields, a Java line's level) is Datadog's business after the intake:
 * {@link DatadogPreprocessing}.
 *
 * <p>The Agent ships within a second or so of a line being written; here {@link #shipNewLines()} ships what was
 * written since its last call, so a test decides when.
 */
public final class DatadogAgentTail {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final URI intake;
  private final String service;
  private final String source;
  private final String tags;
  private final Pattern multiLineStart;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private long offset;

  private DatadogAgentTail(Path file, URI intake, String service, String source, String tags, Pattern multiLineStart) {
    this.file = file;
    this.intake = intake;
    this.service = service;
    this.source = source;
    this.tags = tags;
    this.multiLineStart = multiLineStart;
  }

  /**
   * @param file the log file to tail, from its start
   * @param receiver where to ship
   * @param service the {@code service:} of the Agent's configuration
   * @param source the {@code source:} of the Agent's configuration, {@code java} for a Java application
   * @return the tail, with no multi-line rule
   */
  public static DatadogAgentTail of(Path file, DatadogReceiver receiver, String service, String source) {
    return new DatadogAgentTail(file, URI.create(receiver.baseUrl() + "/api/v2/logs"), service, source,
        "env:loopback", null);
  }

  /**
   * @param startPattern the {@code log_processing_rules: - type: multi_line, pattern:} of the Agent: a line that
   *     does not start with a match continues the log before it (a stack trace, for instance)
   * @return a tail with that rule, reading from where this one is
   */
  public DatadogAgentTail withMultiLine(Pattern startPattern) {
    DatadogAgentTail tail = new DatadogAgentTail(file, intake, service, source, tags, startPattern);
    tail.offset = offset;
    return tail;
  }

  /**
   * Reads the lines completed since the last call (a line without its newline yet waits for the next call) and
   * ships them in one request.
   *
   * @return how many logs were shipped
   * @throws UncheckedIOException when the file cannot be read or the intake refuses
   * @throws InterruptedException when interrupted while shipping
   */
  public int shipNewLines() throws InterruptedException {
    List<String> logs = logsOf(newCompleteLines());
    if (logs.isEmpty()) {
      return 0;
    }
    ArrayNode body = JSON.createArrayNode();
    long now = System.currentTimeMillis();
    for (String message : logs) {
      ObjectNode entry = body.addObject();
      entry.put("message", message);
      entry.put("status", "info");
      entry.put("timestamp", now);
      entry.put("hostname", "loopback-host");
      entry.put("service", service);
      entry.put("ddsource", source);
      entry.put("ddtags", tags);
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Content-Encoding", "gzip")
          .header("DD-API-KEY", DatadogReceiver.API_KEY)
          .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(JSON.writeValueAsBytes(body))))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        throw new IOException("intake answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return logs.size();
  }

  private List<String> newCompleteLines() {
    List<String> lines = new ArrayList<>();
    if (!Files.exists(file)) {
      return lines;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return lines;
      }
      byte[] bytes = new byte[Math.toIntExact(length - offset)];
      in.seek(offset);
      in.readFully(bytes);
      int lastNewline = -1;
      for (int i = bytes.length - 1; i >= 0; i--) {
        if (bytes[i] == '\n') {
          lastNewline = i;
          break;
        }
      }
      if (lastNewline < 0) {
        return lines;
      }
      offset += lastNewline + 1;
      String text = new String(bytes, 0, lastNewline, StandardCharsets.UTF_8);
      for (String line : text.split("\r?\n", -1)) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> logsOf(List<String> lines) {
    if (multiLineStart == null) {
      return lines;
    }
    List<String> logs = new ArrayList<>();
    for (String line : lines) {
      if (logs.isEmpty() || multiLineStart.matcher(line).lookingAt()) {
        logs.add(line);
      } else {
        logs.set(logs.size() - 1, logs.get(logs.size() - 1) + "\n" + line);
      }
    }
    return logs;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
