package io.openreplay.backend.rollbar;

import com.rollbar.logback.RollbarAppender;

/**
 * rollbar-logback's {@code RollbarAppender} with the bounds of its {@link BoundedRollbarSender} settable in
 * {@code logback.xml}, and {@link OpenReplayConfigProvider} as its config provider unless
 * {@code <configProviderClassName>} names another:
 *
 * <pre>{@code
 * <appender name="ROLLBAR" class="io.openreplay.backend.rollbar.OpenReplayRollbarAppender">
 *   <accessToken>${ROLLBAR_ACCESS_TOKEN}</accessToken>
 *   <connectTimeoutMillis>5000</connectTimeoutMillis>
 *   <readTimeoutMillis>10000</readTimeoutMillis>
 *   <flushTimeoutMillis>5000</flushTimeoutMillis>
 *   <queueSize>10000</queueSize>
 * </appender>
 * }</pre>
 *
 * <p>The bounds reach the config provider while the appender starts, on the starting thread: this project's two
 * providers use them; a provider of your own gets them from {@link RollbarSenderSettings#ofStartingAppender()}.
 */
public class OpenReplayRollbarAppender extends RollbarAppender {

  private int connectTimeoutMillis = RollbarSenderSettings.DEFAULTS.connectTimeoutMillis();
  private int readTimeoutMillis = RollbarSenderSettings.DEFAULTS.readTimeoutMillis();
  private long flushTimeoutMillis = RollbarSenderSettings.DEFAULTS.flushTimeoutMillis();
  private int queueSize = RollbarSenderSettings.DEFAULTS.queueSize();
  private boolean providerNamed;
  private volatile BoundedRollbarSender sender;

  /** Made by logback from {@code logback.xml}. */
  public OpenReplayRollbarAppender() {
  }

  /**
   * @param connectTimeoutMillis how long a connection to Rollbar is awaited (default 5000)
   */
  public void setConnectTimeoutMillis(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /**
   * @param readTimeoutMillis how long Rollbar's answer is awaited (default 10000)
   */
  public void setReadTimeoutMillis(int readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /**
   * @param flushTimeoutMillis the most time spent sending what waits when the appender stops (default 5000); during
   *     the JVM's shutdown, less when the {@link io.openreplay.backend.ShutdownDeadline} is nearer
   */
  public void setFlushTimeoutMillis(long flushTimeoutMillis) {
    this.flushTimeoutMillis = flushTimeoutMillis;
  }

  /**
   * @param queueSize how many items may wait to be sent; more are dropped (default 10000)
   */
  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  @Override
  public void setConfigProviderClassName(String configProviderClassName) {
    providerNamed = true;
    super.setConfigProviderClassName(configProviderClassName);
  }

  @Override
  public void start() {
    RollbarSenderSettings settings;
    try {
      settings = new RollbarSenderSettings(connectTimeoutMillis, readTimeoutMillis, flushTimeoutMillis, queueSize);
    } catch (IllegalArgumentException e) {
      addError("Rollbar appender not started: " + e.getMessage());
      return;
    }
    if (!providerNamed) {
      super.setConfigProviderClassName(OpenReplayConfigProvider.class.getName());
    }
    StartingRollbarAppender starting = StartingRollbarAppender.begin(settings);
    try {
      super.start();
    } finally {
      starting.end();
    }
    sender = starting.sender();
  }

  /**
   * Stops: rollbar-logback closes Rollbar, whose {@link BoundedRollbarSender} sends what waits within its bound,
   * then, when items were dropped or not accepted, says how many through logback's status (the sender's own WARN
   * line goes to a logger whose appenders logback may have stopped already).
   */
  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    BoundedRollbarSender stopped = sender;
    if (stopped != null && (stopped.droppedCount() > 0 || stopped.refusedCount() > 0)) {
      addWarn("Rollbar: " + stopped.droppedCount() + " items dropped in all (queue of " + queueSize
          + " full, sender closed, or flush at close past " + stopped.flushAtClose() + "), "
          + stopped.refusedCount() + " not accepted (last: " + stopped.lastRefusal() + ")");
    }
  }
}
