package io.openreplay.backend.rollbar;

/**
 * What passes, on the starting thread, between an {@link OpenReplayRollbarAppender} being started and the config
 * provider rollbar-logback calls meanwhile: the appender's bounds to the provider, and the
 * {@link BoundedRollbarSender} the provider builds with them back to the appender (which then tells what the sender
 * dropped through logback's status when it stops).
 */
final class StartingRollbarAppender {

  private static final ThreadLocal<StartingRollbarAppender> ON_THIS_THREAD = new ThreadLocal<>();

  private final RollbarSenderSettings settings;
  private BoundedRollbarSender sender;

  private StartingRollbarAppender(RollbarSenderSettings settings) {
    this.settings = settings;
  }

  /**
   * Marks an appender as starting on this thread, until {@link #end()}.
   *
   * @param settings its bounds
   * @return the mark
   */
  static StartingRollbarAppender begin(RollbarSenderSettings settings) {
    StartingRollbarAppender starting = new StartingRollbarAppender(settings);
    ON_THIS_THREAD.set(starting);
    return starting;
  }

  /**
   * @return the appender starting on this thread, or {@code null}
   */
  static StartingRollbarAppender onThisThread() {
    return ON_THIS_THREAD.get();
  }

  /**
   * @return the bounds of the starting appender
   */
  RollbarSenderSettings settings() {
    return settings;
  }

  /**
   * @param built the sender a config provider built with {@link #settings()}
   */
  void senderBuilt(BoundedRollbarSender built) {
    sender = built;
  }

  /**
   * @return the sender built for the appender, or {@code null} when its config provider built none with its bounds
   */
  BoundedRollbarSender sender() {
    return sender;
  }

  /** The appender has started (or failed to). */
  void end() {
    ON_THIS_THREAD.remove();
  }
}
