package io.openreplay.backend.testkit.stackdriver;

import com.google.logging.type.LogSeverity;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * OpenReplay's Stackdriver lookup (G1, OpenReplay up to 1.20), run on entries a {@link StackdriverReceiver} holds.
 * OpenReplay lists the entries that match
 * <pre>
 * logName = "projects/PROJECT/logs/LOG" AND labels.openReplaySessionToken!=null AND severity&gt;=ERROR
 *   AND timestamp&gt;="SINCE"
 * </pre>
 * where PROJECT is the {@code project_id} of the service account JSON and LOG the log name entered in its form, and
 * takes each entry's label {@code openReplaySessionToken} as the session token.
 */
public final class StackdriverLookup {

  /** The label OpenReplay reads the token from. */
  public static final String TOKEN_LABEL = "openReplaySessionToken";

  private final String projectId;
  private final String logId;

  /**
   * @param projectId the project id of the service account given to OpenReplay
   * @param logId the log name given to OpenReplay (the appender's {@code <log>})
   */
  public StackdriverLookup(String projectId, String logId) {
    if (projectId == null || projectId.isBlank() || logId == null || logId.isBlank()) {
      throw new IllegalArgumentException("a project id and a log name are needed");
    }
    this.projectId = projectId;
    this.logId = logId;
  }

  /**
   * @return the full log name OpenReplay filters on, {@code projects/PROJECT/logs/LOG}
   */
  public String logName() {
    return "projects/" + projectId + "/logs/" + logId;
  }

  /**
   * @param since the earliest timestamp of interest
   * @return the Cloud Logging filter OpenReplay sends, for {@code gcloud logging read} or the Logs Explorer
   */
  public String filter(Instant since) {
    return "logName = \"" + logName() + "\" AND labels." + TOKEN_LABEL + "!=null AND severity>=ERROR AND timestamp>=\""
        + since + "\"";
  }

  /**
   * Runs the filter on stored entries.
   *
   * @param entries the entries, for instance {@link StackdriverReceiver#entries()}
   * @param since the earliest timestamp of interest ({@link Instant#EPOCH} for all)
   * @return what OpenReplay finds, in the order given
   */
  public List<Found> find(Collection<LogEntry> entries, Instant since) {
    List<Found> found = new ArrayList<>();
    for (LogEntry entry : entries) {
      if (logName().equals(entry.getLogName())
          && entry.containsLabels(TOKEN_LABEL)
          && entry.getSeverityValue() >= LogSeverity.ERROR_VALUE
          && !toInstant(entry.getTimestamp()).isBefore(since)) {
        found.add(new Found(entry.getLabelsOrThrow(TOKEN_LABEL), entry));
      }
    }
    return found;
  }

  private static Instant toInstant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /**
   * One entry OpenReplay links to a session.
   *
   * @param token the session token, as OpenReplay reads it from the label
   * @param entry the entry as stored
   */
  public record Found(String token, LogEntry entry) {
  }
}
