package io.openreplay.backend.dynatrace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.openreplay.backend.Generations;
import io.openreplay.backend.ShutdownDeadline;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends logback events to Dynatrace's Log ingest API v2 ({@code POST <environment>/api/v2/logs/ingest},
 * {@code Authorization: Api-Token <token>}, a JSON array of records). Each record carries {@code content},
 * {@code status} (ERROR, WARN, INFO, DEBUG, TRACE), {@code timestamp}, {@code logger.name}, {@code thread.name}, the
 * MDC, and the event's OpenReplay token as the attributes {@code openReplaySession.id} (what OpenReplay 1.21+
 * searches for, with {@code status} WARN or ERROR) and {@code openReplaySessionToken}.
 *
 * <pre>{@code
 * <appender name="DYNATRACE" class="io.openreplay.backend.dynatrace.DynatraceLogsAppender">
 *   <url>https://abc12345.live.dynatrace.com/api/v2/logs/ingest</url>
 *   <apiToken>${DT_API_TOKEN}</apiToken>
 * </appender>
 * }</pre>
 *
 * <p>It never holds the application up: {@link #append} only puts the event into a bounded queue ({@code queueSize},
 * default 8192; once it is four-fifths full only WARN and ERROR are still queued) and a daemon thread sends. A request
 * has a connect timeout ({@code connectTimeoutMillis}, default 5000) and an answer timeout ({@code readTimeoutMillis},
 * default 10000); a batch answered 429 or 5xx, or not answered, is sent again up to {@code maxRetries} times (default
 * 3) after a backoff starting at {@code retryBackoffMillis} (default 500) and doubling. {@link #stop()} sends what is
 * queued for at most {@code flushTimeoutMillis} (default 5000; during the JVM's shutdown, less when the
 * {@link ShutdownDeadline} that all of this project's bounded stops share is nearer), then returns. What is dropped
 * is counted and told
 * through logback's status, at most once every {@code dropReportIntervalMillis} (default 60000) and once at stop.
 *
 * <p>Options: {@code batchSize} (default 100 records a request), {@code maxBatchBytes} (default 1000000),
 * {@code generations} ({@code G1}, {@code G2} or {@code BOTH}, the default: which token attributes are written), and
 * a {@code <layout>} or {@code <encoder>} to render {@code content} (default: the formatted message, with the stack
 * trace on the next lines).
 */
public class DynatraceLogsAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private String url;
  private String apiToken;
  private int batchSize = 100;
  private int maxBatchBytes = 1_000_000;
  private int queueSize = 8192;
  private int connectTimeoutMillis = 5000;
  private int readTimeoutMillis = 10_000;
  private int maxRetries = 3;
  private long retryBackoffMillis = 500;
  private long flushTimeoutMillis = 5000;
  private long dropReportIntervalMillis = 60_000;
  private Generations generations = Generations.BOTH;
  private Layout<ILoggingEvent> layout;
  private Encoder<ILoggingEvent> encoder;

  private BlockingQueue<ILoggingEvent> queue;
  private int keepBelowWarn;
  private DroppedRecords dropped;
  private IngestSender sender;
  private Thread senderThread;

  /** Unstarted, with the defaults; logback sets the options and starts it. */
  public DynatraceLogsAppender() {
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    int errors = 0;
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      addError("Dynatrace: <url> must be the ingest URL, e.g. https://<environment>.live.dynatrace.com/api/v2/logs/ingest, not " + url);
      errors++;
    }
    if (apiToken == null || apiToken.isBlank()) {
      addError("Dynatrace: <apiToken> is missing (an access token with the logs.ingest scope)");
      errors++;
    }
    if (batchSize < 1 || queueSize < 1 || maxBatchBytes < 1 || connectTimeoutMillis < 1 || readTimeoutMillis < 1
        || maxRetries < 0 || retryBackoffMillis < 0 || flushTimeoutMillis < 0) {
      addError("Dynatrace: sizes and timeouts must be positive");
      errors++;
    }
    if (errors > 0) {
      return;
    }
    queue = new ArrayBlockingQueue<>(queueSize);
    keepBelowWarn = queueSize - queueSize * 4 / 5;
    dropped = new DroppedRecords(dropReportIntervalMillis);
    sender = new IngestSender(queue, this::render, new IngestSettings(url.trim(), apiToken.trim(), batchSize,
        maxBatchBytes, connectTimeoutMillis, readTimeoutMillis, maxRetries, retryBackoffMillis), dropped, this);
    senderThread = new Thread(sender, "openreplay-dynatrace-sender-" + getName());
    senderThread.setDaemon(true);
    senderThread.start();
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    try {
      event.prepareForDeferredProcessing();
      boolean belowWarn = !event.getLevel().isGreaterOrEqual(Level.WARN);
      if (belowWarn && queue.remainingCapacity() <= keepBelowWarn || !queue.offer(event)) {
        dropped.queueFull();
      }
    } catch (RuntimeException e) {
      dropped.undelivered(1, "the event could not be queued: " + e);
    }
  }

  /**
   * Stops taking events, sends what is queued for at most {@code flushTimeoutMillis} (during the JVM's shutdown,
   * at most until the {@link ShutdownDeadline}), then gives up on the rest (counted and told as dropped) and returns.
   */
  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    ShutdownDeadline shutdown = ShutdownDeadline.ofProcess();
    long flushMillis = shutdown.waitMillis(flushTimeoutMillis);
    sender.requestStop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis));
    boolean cutShort = false;
    try {
      senderThread.join(Math.max(1, flushMillis));
      if (senderThread.isAlive()) {
        cutShort = true;
        senderThread.interrupt();
        senderThread.join(200);
      }
    } catch (InterruptedException e) {
      senderThread.interrupt();
      Thread.currentThread().interrupt();
    }
    int unsent = queue.size();
    dropped.unsentAtStop(unsent);
    queue.clear();
    if ((cutShort || unsent > 0) && flushMillis < flushTimeoutMillis) {
      addWarn("Dynatrace: the flush at stop had " + flushMillis + " ms"
          + shutdown.shortenedNote(flushTimeoutMillis, flushMillis) + "; what it had not sent is dropped");
    }
    dropped.tellNow(this);
  }

  private String render(ILoggingEvent event) {
    String content;
    if (layout != null) {
      content = layout.doLayout(event);
    } else if (encoder != null) {
      byte[] bytes = encoder.encode(event);
      content = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    } else {
      content = LogRecordJson.defaultContent(event);
    }
    return LogRecordJson.of(event, stripTrailingNewline(content), generations);
  }

  private static String stripTrailingNewline(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * @return how many records were dropped so far, whatever the cause
   */
  public long getDroppedCount() {
    return dropped == null ? 0 : dropped.total();
  }

  /** @param url the ingest URL, {@code https://<environment>.live.dynatrace.com/api/v2/logs/ingest} or an ActiveGate's */
  public void setUrl(String url) {
    this.url = url;
  }

  /** @return the ingest URL */
  public String getUrl() {
    return url;
  }

  /** @param apiToken an access token with the {@code logs.ingest} scope */
  public void setApiToken(String apiToken) {
    this.apiToken = apiToken;
  }

  /** @param batchSize the most records in one request (default 100) */
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /** @param maxBatchBytes the most characters in one request body (default 1000000) */
  public void setMaxBatchBytes(int maxBatchBytes) {
    this.maxBatchBytes = maxBatchBytes;
  }

  /** @param queueSize the most events waiting to be sent (default 8192) */
  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  /** @param connectTimeoutMillis the connect timeout (default 5000) */
  public void setConnectTimeoutMillis(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  /** @param readTimeoutMillis how long an answer is awaited (default 10000) */
  public void setReadTimeoutMillis(int readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** @param maxRetries how often a batch is sent again after a 429, a 5xx or no answer (default 3) */
  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  /** @param retryBackoffMillis the wait before the first retry, doubled for each next one (default 500) */
  public void setRetryBackoffMillis(long retryBackoffMillis) {
    this.retryBackoffMillis = retryBackoffMillis;
  }

  /**
   * @param flushTimeoutMillis the most time {@link #stop()} spends sending what is queued (default 5000); during the
   *     JVM's shutdown, less when the {@link ShutdownDeadline} is nearer
   */
  public void setFlushTimeoutMillis(long flushTimeoutMillis) {
    this.flushTimeoutMillis = flushTimeoutMillis;
  }

  /** @return the most time {@link #stop()} spends sending what is queued */
  public long getFlushTimeoutMillis() {
    return flushTimeoutMillis;
  }

  /** @param dropReportIntervalMillis the least time between two warnings of dropped records (default 60000) */
  public void setDropReportIntervalMillis(long dropReportIntervalMillis) {
    this.dropReportIntervalMillis = dropReportIntervalMillis;
  }

  /** @param generations {@code G1}, {@code G2} or {@code BOTH} (any case); anything else means {@code BOTH} */
  public void setGenerations(String generations) {
    this.generations = Generations.parse(generations);
  }

  /** @return the generations whose token attributes are written */
  public String getGenerations() {
    return generations.name();
  }

  /** @param layout renders {@code content} (takes precedence over an encoder) */
  public void setLayout(Layout<ILoggingEvent> layout) {
    this.layout = layout;
  }

  /** @param encoder renders {@code content}, its bytes read as UTF-8 */
  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }
}
