package io.openreplay.backend.logback.elasticsearch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import org.slf4j.Marker;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the {@code tags} array: {@code "error"} for events at level ERROR, which OpenReplay G1 requires
 * ({@code term tags "error"}), followed by the names of the event's markers, as logstash's {@code <tags/>} writes
 * them (logstash's own structured markers excluded, each name once). Nothing is written when there is no tag.
 *
 * <p>Use it instead of logstash's {@code <tags/>}, never next to it (the key would be written twice). In logback XML:
 * {@code <provider class="io.openreplay.backend.logback.elasticsearch.ErrorTagsJsonProvider"/>}, with the optional
 * {@code <fieldName>}.
 */
public class ErrorTagsJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** The field OpenReplay G1 filters on. */
  public static final String FIELD_TAGS = "tags";

  /** The tag OpenReplay G1 requires. */
  public static final String ERROR_TAG = "error";

  /** The tags of an error without markers, the common case: written without collecting. */
  private static final String[] ONLY_ERROR = {ERROR_TAG};

  /** Creates the provider, writing {@value #FIELD_TAGS}. */
  public ErrorTagsJsonProvider() {
    setFieldName(FIELD_TAGS);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    boolean error = event.getLevel() != null && event.getLevel().isGreaterOrEqual(Level.ERROR);
    List<Marker> markerList = event.getMarkerList();
    if (markerList == null || markerList.isEmpty()) {
      if (error) {
        JsonWritingUtils.writeStringArrayField(generator, getFieldName(), ONLY_ERROR);
      }
      return;
    }
    Set<String> tags = new LinkedHashSet<>();
    if (error) {
      tags.add(ERROR_TAG);
    }
    List<Marker> markers = event.getMarkerList();
    if (markers != null) {
      for (Marker marker : markers) {
        collect(marker, tags, 0);
      }
    }
    if (!tags.isEmpty()) {
      JsonWritingUtils.writeStringArrayField(generator, getFieldName(), tags.toArray(new String[0]));
    }
  }

  /** Marker graphs are user data: the depth bound keeps a cyclic one from looping. */
  private static void collect(Marker marker, Set<String> tags, int depth) {
    if (marker == null || depth > 16) {
      return;
    }
    if (!LogstashMarkersJsonProvider.isLogstashMarker(marker)) {
      tags.add(marker.getName());
    }
    if (marker.hasReferences()) {
      for (Iterator<Marker> references = marker.iterator(); references.hasNext();) {
        collect(references.next(), tags, depth + 1);
      }
    }
  }
}
