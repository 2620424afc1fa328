package io.openreplay.backend.webflux.spring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.logback.OpenReplayPatternLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * A logback appender on the root logger, for the duration of each test (a JUnit extension), that renders every event
 * through {@code %openReplay} (the {@link OpenReplayPatternLayout} a user configures) and keeps the line beside the
 * event's MDC and thread.
 */
final class RenderedLines extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements BeforeEachCallback, AfterEachCallback {

  /** One event as it was rendered. */
  record Line(String thread, String level, String logger, String rendered, Map<String, String> mdc) {

    String token() {
      return mdc.get(SessionToken.TOKEN_KEY);
    }

    String sessionId() {
      return mdc.get(SessionToken.SESSION_ID_KEY);
    }
  }

  private final OpenReplayPatternLayout layout = new OpenReplayPatternLayout();
  private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();

  @Override
  public void beforeEach(ExtensionContext test) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    setContext(context);
    setName("rendered-" + System.nanoTime());
    layout.setContext(context);
    layout.setPattern("%-5level [%thread] %logger{36} - %openReplay%msg%n%ex{0}");
    layout.start();
    start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
  }

  @Override
  public void afterEach(ExtensionContext test) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(new Line(event.getThreadName(), event.getLevel().toString(), event.getLoggerName(),
        layout.doLayout(event), Map.copyOf(event.getMDCPropertyMap())));
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * Waits, at most {@code timeout}, until at least {@code count} lines match.
   *
   * @return the matching lines, fewer than {@code count} when the time ran out
   */
  List<Line> await(Predicate<Line> predicate, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        List<Line> found = matching(predicate);
        long left = deadline - System.nanoTime();
        if (found.size() >= count || left <= 0) {
          return found;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }

  List<Line> matching(Predicate<Line> predicate) {
    List<Line> found = new ArrayList<>();
    for (Line line : lines) {
      if (predicate.test(line)) {
        found.add(line);
      }
    }
    return found;
  }
}
