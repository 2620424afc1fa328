package io.openreplay.backend.filter.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.Level;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.openreplay.backend.SessionToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * A real logback appender on the root logger that keeps every event of level INFO and above, with its MDC.
 * Unsynchronized: formatting a message can call a container object's {@code toString()}, which may take the
 * container's locks, so no lock of ours may be held meanwhile.
 */
public final class CapturingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  /** One captured event. */
  public record Captured(String thread, String logger, String level, String message, Map<String, String> mdc,
      String throwable) {

    public String token() {
      return mdc.get(SessionToken.TOKEN_KEY);
    }

    public String sessionId() {
      return mdc.get(SessionToken.SESSION_ID_KEY);
    }

    public boolean hasAnyKey() {
      return mdc.containsKey(SessionToken.TOKEN_KEY) || mdc.containsKey(SessionToken.SESSION_ID_KEY);
    }
  }

  private final ConcurrentLinkedQueue<Captured> events = new ConcurrentLinkedQueue<>();

  /** Attaches a started appender to the root logger. */
  public static CapturingAppender install() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CapturingAppender appender = new CapturingAppender();
    appender.setContext(context);
    appender.setName("capture-" + System.nanoTime());
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return appender;
  }

  /** Detaches and stops the appender. */
  public void uninstall() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
      return;
    }
    String throwable = event.getThrowableProxy() == null ? null
        : event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage();
    events.add(new Captured(event.getThreadName(), event.getLoggerName(), event.getLevel().toString(),
        event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap()), throwable));
    synchronized (this) {
      notifyAll();
    }
  }

  /** Waits, at most {@code timeout}, until at least {@code count} events match; returns the matching events. */
  public List<Captured> await(Predicate<Captured> predicate, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        List<Captured> found = matching(predicate);
        long left = deadline - System.nanoTime();
        if (found.size() >= count || left <= 0) {
          return found;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  public List<Captured> events() {
    return new ArrayList<>(events);
  }

  public List<Captured> matching(Predicate<Captured> predicate) {
    List<Captured> found = new ArrayList<>();
    for (Captured event : events) {
      if (predicate.test(event)) {
        found.add(event);
      }
    }
    return found;
  }

  public void clear() {
    events.clear();
  }
}
