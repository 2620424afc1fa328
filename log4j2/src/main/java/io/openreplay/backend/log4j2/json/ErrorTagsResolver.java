package io.openreplay.backend.log4j2.json;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * Writes the {@code tags} array: {@code "error"} for events at ERROR or FATAL, which OpenReplay G1 requires
 * ({@code term tags "error"}), followed by the name of the event's marker and of its parents, each once. The field is
 * left out when there is no tag.
 */
final class ErrorTagsResolver implements EventResolver {

  /** The tag OpenReplay G1 requires. */
  static final String ERROR_TAG = "error";

  @Override
  public boolean isResolvable(LogEvent event) {
    return isError(event) || event.getMarker() != null;
  }

  @Override
  public void resolve(LogEvent event, JsonWriter jsonWriter) {
    Set<String> tags = new LinkedHashSet<>();
    if (isError(event)) {
      tags.add(ERROR_TAG);
    }
    collect(event.getMarker(), tags, 0);
    jsonWriter.writeArrayStart();
    boolean first = true;
    for (String tag : tags) {
      if (!first) {
        jsonWriter.writeSeparator();
      }
      jsonWriter.writeString(tag);
      first = false;
    }
    jsonWriter.writeArrayEnd();
  }

  private static boolean isError(LogEvent event) {
    Level level = event.getLevel();
    return level != null && level.isMoreSpecificThan(Level.ERROR);
  }

  /** Marker graphs are user data: the depth bound keeps a cyclic one from looping. */
  private static void collect(Marker marker, Collection<String> tags, int depth) {
    if (marker == null || depth > 16) {
      return;
    }
    tags.add(marker.getName());
    Marker[] parents = marker.getParents();
    if (parents != null) {
      for (Marker parent : parents) {
        collect(parent, tags, depth + 1);
      }
    }
  }
}
