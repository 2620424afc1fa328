package io.openreplay.backend.testkit.rollbar;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * OpenReplay G1's Rollbar lookup: the RQL job {@value #RQL}, evaluated on received items. {@code item.level} is
 * Rollbar's level number, so {@code > 30} keeps {@code error} and {@code critical}; an exception item has no
 * {@code body.message} and is never found.
 */
public final class RollbarG1Lookup {

  /** The RQL job OpenReplay G1 runs (its selected columns shortened). */
  public static final String RQL = "SELECT item.id, item.title, body.message.openReplaySessionToken, item.level"
      + " FROM item_occurrence WHERE body.message.openReplaySessionToken != null AND timestamp >= T"
      + " AND item.level > 30";

  /** Where the job reads the token, relative to an item's {@code data}. */
  public static final String TOKEN_POINTER = "/body/message/openReplaySessionToken";

  /**
   * One row of the job's result.
   *
   * @param item the item
   * @param token its {@code body.message.openReplaySessionToken}
   */
  public record Row(ReceivedRollbarItem item, String token) {
  }

  private RollbarG1Lookup() {
  }

  /**
   * @param items items as received
   * @param since the job's {@code T}
   * @return the rows, in the given order
   */
  public static List<Row> run(Collection<ReceivedRollbarItem> items, Instant since) {
    double sinceSeconds = since.getEpochSecond() + since.getNano() / 1e9;
    return items.stream()
        .filter(item -> item.levelNumber() > 30)
        .filter(item -> item.timestampSeconds().map(seconds -> seconds >= sinceSeconds).orElse(false))
        .flatMap(item -> tokenOf(item).map(token -> new Row(item, token)).stream())
        .toList();
  }

  /**
   * @param items items as received
   * @param since the job's {@code T}
   * @param token a session token
   * @return the rows of that token, in the given order
   */
  public static List<Row> run(Collection<ReceivedRollbarItem> items, Instant since, String token) {
    return run(items, since).stream().filter(row -> row.token().equals(token)).toList();
  }

  private static Optional<String> tokenOf(ReceivedRollbarItem item) {
    if (!item.has(TOKEN_POINTER)) {
      return Optional.empty();
    }
    return Optional.of(item.data().at(TOKEN_POINTER).asString());
  }
}
