package io.openreplay.backend.testkit.dynatrace;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One backend log as OpenReplay's session player shows a Dynatrace result ({@code processDynatraceLog} of its
 * frontend): the record's {@code content} and {@code status} (lower case), with the search result it came from.
 *
 * @param content the text shown
 * @param status the level shown, lower case, e.g. {@code error}
 * @param result the search result as Dynatrace answered it
 */
public record DynatraceShownLog(String content, String status, JsonNode result) {

  /**
   * @param key an attribute key, e.g. {@code openReplaySession.id}
   * @return the first value of that attribute in the result's {@code additionalColumns}, or empty
   */
  public Optional<String> attribute(String key) {
    JsonNode values = result.path("additionalColumns").path(key);
    return values.isArray() && values.size() > 0 && values.get(0).isString()
        ? Optional.of(values.get(0).asString()) : Optional.empty();
  }
}
