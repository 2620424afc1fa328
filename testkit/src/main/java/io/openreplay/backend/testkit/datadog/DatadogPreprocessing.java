package io.openreplay.backend.testkit.datadog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Datadog does with a log between its intake and its index, as far as OpenReplay's lookups see it:
 * <ul>
 *   <li>a message that is a JSON object is parsed, and its fields become the log's attributes (the Agent ships each
 *       line of a file as the message; Datadog parses JSON lines);</li>
 *   <li>the reserved attributes are taken from their standard names, the log's own first, then the intake
 *       envelope's: message from {@code message}, {@code msg}, {@code log}; status from {@code status},
 *       {@code severity}, {@code level}, {@code syslog.severity}; date from {@code @timestamp}, {@code timestamp},
 *       {@code _timestamp}, {@code Timestamp}, {@code eventTime}, {@code date}, {@code published_date} (RFC 3339
 *       text or epoch milliseconds); host from {@code host}, {@code hostname}, {@code syslog.hostname}; service from
 *       {@code service}, {@code syslog.appname}, {@code dd.service}; source from {@code ddsource}; tags from
 *       {@code ddtags} (comma-separated);</li>
 *   <li>the status is Datadog's status remapper's: an integer is a syslog severity (0 emerg to 7 debug); a text
 *       starting with {@code emerg} or {@code f} is {@code emerg}, {@code a} {@code alert}, {@code c}
 *       {@code critical}, {@code err} {@code error}, {@code w} {@code warn}, {@code n} {@code notice}, {@code i}
 *       {@code info}, {@code d}, {@code trace} or {@code verbose} {@code debug}, {@code o} or {@code s} {@code ok};
 *       anything else, or none, is {@code info};</li>
 *   <li>a plain (non-JSON) line whose source is {@code java} goes through a model of Datadog's Java integration
 *       pipeline: a line that starts with a date, a time and a level ({@code 2024-01-24 04:27:39 ERROR ...}, the
 *       start of the raw pattern Datadog documents for Java, optionally with a {@code [thread]} before the level)
 *       gets that level as its status. Any other plain line keeps the status the envelope gave, {@code info} for
 *       the Agent.</li>
 * </ul>
 */
public final class DatadogPreprocessing {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> MESSAGE = List.of("message", "msg", "log");
  private static final List<String> STATUS = List.of("status", "severity", "level", "syslog.severity");
  private static final List<String> DATE = List.of("@timestamp", "timestamp", "_timestamp", "Timestamp", "eventTime",
      "date", "published_date");
  private static final List<String> HOST = List.of("host", "hostname", "syslog.hostname");
  private static final List<String> SERVICE = List.of("service", "syslog.appname", "dd.service");
  private static final Pattern JAVA_LINE = Pattern.compile(
      "^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?\\s+(?:\\[[^\\]]*\\]\\s+)?"
          + "(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\b");

  private DatadogPreprocessing() {
  }

  /**
   * @param id the id the log gets
   * @param envelope one entry as the intake received it (HTTP: one object of the body; TCP: the JSON after the key)
   * @param queryTags tags given beside the body ({@code ?ddtags=} of the HTTP intake), comma-separated, or
   *     {@code null}
   * @param received when the intake took it
   * @return the log as Datadog indexes it
   */
  public static DatadogLog process(String id, ObjectNode envelope, String queryTags, Instant received) {
    ObjectNode content = envelope.deepCopy();
    JsonNode rawMessage = envelope.get("message");
    boolean json = false;
    if (rawMessage != null && rawMessage.isString() && rawMessage.asString().stripLeading().startsWith("{")) {
      try {
        JsonNode parsed = JSON.readTree(rawMessage.asString());
        if (parsed != null && parsed.isObject()) {
          content = (ObjectNode) parsed;
          json = true;
        }
      } catch (JacksonException notJson) {
        // a plain line that starts with a brace stays the message
      }
    }
    String message = json ? first(content, MESSAGE) : text(rawMessage);
    String status = null;
    JsonNode statusNode = json ? firstNode(content, STATUS) : null;
    if (statusNode != null) {
      status = normalizedStatus(statusNode);
    }
    String source = firstOf(text(envelope.get("ddsource")), json ? text(content.get("ddsource")) : null);
    if (status == null && !json && "java".equals(source) && message != null) {
      Matcher level = JAVA_LINE.matcher(message);
      if (level.find()) {
        status = normalizedStatus(JSON.getNodeFactory().stringNode(level.group(1)));
      }
    }
    if (status == null) {
      JsonNode envelopeStatus = firstNode(envelope, STATUS);
      status = envelopeStatus == null ? "info" : normalizedStatus(envelopeStatus);
    }
    Instant timestamp = firstOf(json ? date(firstNode(content, DATE)) : null, date(firstNode(envelope, DATE)),
        received);
    String host = firstOf(json ? first(content, HOST) : null, first(envelope, HOST));
    String service = firstOf(json ? first(content, SERVICE) : null, first(envelope, SERVICE));
    List<String> tags = new ArrayList<>();
    addTags(tags, text(envelope.get("ddtags")));
    if (json) {
      addTags(tags, text(content.get("ddtags")));
    }
    addTags(tags, queryTags);
    ObjectNode attributes = content.deepCopy();
    for (String key : json ? List.of("message", "ddtags", "ddsource")
        : List.of("message", "ddtags", "ddsource", "status", "timestamp", "hostname", "service")) {
      attributes.remove(key);
    }
    return new DatadogLog(id, DatadogReceiver.INDEX, timestamp, message == null ? "" : message, status, service, host,
        source, List.copyOf(tags), attributes);
  }

  /**
   * Datadog's status remapper.
   *
   * @param value the value of a status attribute
   * @return Datadog's status for it
   */
  public static String normalizedStatus(JsonNode value) {
    if (value.isIntegralNumber()) {
      int severity = value.asInt();
      String[] syslog = {"emerg", "alert", "critical", "error", "warn", "notice", "info", "debug"};
      return severity >= 0 && severity < syslog.length ? syslog[severity] : "info";
    }
    String text = value.asString().trim().toLowerCase(Locale.ROOT);
    if (text.startsWith("emerg") || text.startsWith("f")) {
      return "emerg";
    }
    if (text.startsWith("a")) {
      return "alert";
    }
    if (text.startsWith("c")) {
      return "critical";
    }
    if (text.startsWith("err")) {
      return "error";
    }
    if (text.startsWith("w")) {
      return "warn";
    }
    if (text.startsWith("n")) {
      return "notice";
    }
    if (text.startsWith("i")) {
      return "info";
    }
    if (text.startsWith("d") || text.startsWith("trace") || text.startsWith("verbose")) {
      return "debug";
    }
    if (text.startsWith("o") || text.startsWith("s")) {
      return "ok";
    }
    return "info";
  }

  private static Instant date(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    if (value.isString()) {
      try {
        return OffsetDateTime.parse(value.asString()).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static void addTags(List<String> tags, String commaSeparated) {
    if (commaSeparated == null) {
      return;
    }
    for (String tag : commaSeparated.split(",")) {
      if (!tag.isBlank() && !tags.contains(tag.trim())) {
        tags.add(tag.trim());
      }
    }
  }

  private static String first(ObjectNode node, List<String> names) {
    return text(firstNode(node, names));
  }

  private static JsonNode firstNode(ObjectNode node, List<String> names) {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value == null && name.contains(".")) {
        value = node.at("/" + name.replace(".", "/"));
        value = value.isMissingNode() ? null : value;
      }
      if (value != null && value.isValueNode() && !value.isNull()) {
        return value;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asString() : null;
  }

  @SafeVarargs
  private static <T> T firstOf(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
