package io.openreplay.backend.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import io.openreplay.backend.ShutdownDeadline;
import java.util.Iterator;

/**
 * Passes every event to the appenders it references, as they are, and bounds how long stopping them may take: when
 * logback stops (the application's exit, logback's shutdown hook), the referenced appenders are stopped on a daemon
 * thread and awaited at most {@code maxStopMillis}. An appender that is still sending what it holds by then (a
 * provider that accepts connections and never answers, a library whose client has no timeout of its own) is left to
 * finish on that thread, and the JVM may exit before it has: what it has not sent by then is lost, and logback's
 * status says so. During the JVM's shutdown the wait is also bounded by the {@link ShutdownDeadline} that all of
 * this project's bounded stops share, so that the stops of several providers that never answer do not add up.
 *
 * <pre>{@code
 * <appender name="CLOUDWATCH" class="ca.pjer.logback.AwsLogsAppender"> ... </appender>
 * <appender name="CLOUDWATCH_BOUNDED" class="io.openreplay.backend.logback.BoundedStopAppender">
 *   <maxStopMillis>5000</maxStopMillis>
 *   <appender-ref ref="CLOUDWATCH"/>
 * </appender>
 * <root level="INFO"><appender-ref ref="CLOUDWATCH_BOUNDED"/></root>
 * }</pre>
 */
public class BoundedStopAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  /** The default of {@code maxStopMillis}. */
  public static final long DEFAULT_MAX_STOP_MILLIS = 5000;

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private long maxStopMillis = DEFAULT_MAX_STOP_MILLIS;

  /** Made by logback from {@code logback.xml}. */
  public BoundedStopAppender() {
  }

  /**
   * @param maxStopMillis the longest wait for the referenced appenders to stop (default 5000, at least 0); during the
   *     JVM's shutdown, less when the {@link ShutdownDeadline} is nearer
   */
  public void setMaxStopMillis(long maxStopMillis) {
    this.maxStopMillis = maxStopMillis;
  }

  /**
   * @return the longest wait for the referenced appenders to stop
   */
  public long getMaxStopMillis() {
    return maxStopMillis;
  }

  @Override
  public void start() {
    if (maxStopMillis < 0) {
      addError("maxStopMillis must not be negative: " + maxStopMillis);
      return;
    }
    if (!appenders.iteratorForAppenders().hasNext()) {
      addWarn("no appender referenced by " + getName() + ": events go nowhere");
    }
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    appenders.appendLoopOnAppenders(event);
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    ShutdownDeadline deadline = ShutdownDeadline.ofProcess();
    long waitMillis = deadline.waitMillis(maxStopMillis);
    Thread stopping = new Thread(appenders::detachAndStopAllAppenders, "openreplay-stop-" + getName());
    stopping.setDaemon(true);
    stopping.start();
    try {
      stopping.join(Math.max(1, waitMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopping.isAlive()) {
      addWarn("the appenders of " + getName() + " are still stopping after " + waitMillis + " ms"
          + deadline.shortenedNote(maxStopMillis, waitMillis) + "; what they have not sent when the JVM exits is lost");
    }
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }
}
