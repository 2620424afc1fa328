package io.openreplay.backend.testkit.datadog;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One log as Datadog indexes it, after its preprocessing ({@link DatadogPreprocessing}): the reserved attributes
 * taken out, everything else kept as attributes.
 *
 * @param id the receiver's id of the log, in arrival order
 * @param index the index that holds it (this receiver has one, {@value DatadogReceiver#INDEX})
 * @param timestamp the log's date
 * @param message the message, the only text that free-text search reads
 * @param status the status, one of Datadog's: {@code emerg}, {@code alert}, {@code critical}, {@code error},
 *     {@code warn}, {@code notice}, {@code info}, {@code debug}, {@code ok}
 * @param service the service, or {@code null}
 * @param host the host, or {@code null}
 * @param source the source ({@code ddsource}), or {@code null}
 * @param tags the tags, {@code key:value} each
 * @param attributes every other attribute, as a JSON object (not to be changed)
 */
public record DatadogLog(String id, String index, Instant timestamp, String message, String status, String service,
    String host, String source, List<String> tags, ObjectNode attributes) {

  /**
   * @param path a dotted attribute path, such as {@code http.status_code}, or a key that holds dots itself, such as
   *     {@code openReplaySession.id}
   * @return the attribute's value as text (a number or boolean written as JSON writes it), or {@code null} when the
   *     log has no such attribute or it is an object or array
   */
  public String attributeText(String path) {
    JsonNode flat = attributes.get(path);
    if (flat != null && flat.isValueNode()) {
      return flat.asString();
    }
    JsonNode node = attributes;
    for (String part : path.split("\\.", -1)) {
      node = node == null ? null : node.get(part);
    }
    return node != null && node.isValueNode() ? node.asString() : null;
  }
}
