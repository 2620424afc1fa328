package io.openreplay.backend.dynatrace;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The appender's daemon thread: takes queued events, renders them, and posts them in batches to the ingest URL. A
 * batch answered 429 or 5xx, or not answered (refused connection, timeout), is sent again after a backoff that
 * doubles, a bounded number of times; one answered with another 4xx is dropped. Once asked to stop it sends what is
 * queued until the flush deadline, and gives up on what is left then.
 */
final class IngestSender implements Runnable {

  /** The ingest answers that are worth sending again. */
  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  private static final long MAX_BACKOFF_MILLIS = 30_000;
  private static final long IDLE_POLL_MILLIS = 250;

  private final BlockingQueue<ILoggingEvent> queue;
  private final Function<ILoggingEvent, String> render;
  private final IngestSettings settings;
  private final DroppedRecords dropped;
  private final ContextAware status;
  private final HttpClient client;
  private final URI url;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile long flushDeadlineNanos = Long.MAX_VALUE;

  IngestSender(BlockingQueue<ILoggingEvent> queue, Function<ILoggingEvent, String> render, IngestSettings settings,
      DroppedRecords dropped, ContextAware status) {
    this.queue = queue;
    this.render = render;
    this.settings = settings;
    this.dropped = dropped;
    this.status = status;
    this.url = URI.create(settings.url());
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis())).build();
  }

  /**
   * Asks the thread to send what is queued and end, by the deadline.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value
   */
  void requestStop(long deadlineNanos) {
    flushDeadlineNanos = deadlineNanos;
    stopRequested.countDown();
  }

  @Override
  public void run() {
    try {
      while (true) {
        boolean stopping = stopRequested.getCount() == 0;
        if (stopping && (queue.isEmpty() || timeLeftNanos() <= 0)) {
          return;
        }
        ILoggingEvent first = queue.poll(stopping ? 0 : IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          List<ILoggingEvent> events = new ArrayList<>(settings.batchSize());
          events.add(first);
          queue.drainTo(events, settings.batchSize() - 1);
          sendBatches(events);
        }
        dropped.tellIfDue(status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      status.addError("Dynatrace: the sender thread ended", e);
    }
  }

  private void sendBatches(List<ILoggingEvent> events) throws InterruptedException {
    StringBuilder batch = new StringBuilder().append('[');
    int count = 0;
    for (ILoggingEvent event : events) {
      String record;
      try {
        record = render.apply(event);
      } catch (RuntimeException e) {
        dropped.rejected(1, "the record could not be rendered: " + e);
        continue;
      }
      if (count > 0 && batch.length() + record.length() + 2 > settings.maxBatchBytes()) {
        post(batch.append(']').toString(), count);
        batch.setLength(0);
        batch.append('[');
        count = 0;
      }
      if (count > 0) {
        batch.append(',');
      }
      batch.append(record);
      count++;
    }
    if (count > 0) {
      post(batch.append(']').toString(), count);
    }
  }

  private void post(String body, int count) throws InterruptedException {
    long backoff = settings.retryBackoffMillis();
    String failure = "";
    for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
      if (attempt > 0) {
        long wait = Math.min(backoff, TimeUnit.NANOSECONDS.toMillis(timeLeftNanos()));
        if (wait <= 0 || stopRequested.await(wait, TimeUnit.MILLISECONDS) && timeLeftNanos() <= 0) {
          break;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
      long timeout = Math.min(settings.readTimeoutMillis(), TimeUnit.NANOSECONDS.toMillis(timeLeftNanos()));
      if (timeout <= 0) {
        break;
      }
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(Duration.ofMillis(timeout))
          .header("Authorization", "Api-Token " + settings.apiToken())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int code = response.statusCode();
        if (code / 100 == 2) {
          return;
        }
        failure = "HTTP " + code + " " + oneLine(response.body());
        if (!retryable(code)) {
          dropped.rejected(count, failure);
          return;
        }
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
      }
    }
    dropped.undelivered(count, failure.isEmpty() ? "the shutdown bound passed" : failure);
  }

  private long timeLeftNanos() {
    long deadline = flushDeadlineNanos;
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
  }

  private static String oneLine(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
