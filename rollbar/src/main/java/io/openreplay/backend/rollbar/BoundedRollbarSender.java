package io.openreplay.backend.rollbar;

import com.rollbar.api.payload.Payload;
import com.rollbar.notifier.config.Config;
import com.rollbar.notifier.config.ConfigBuilder;
import com.rollbar.notifier.sender.Sender;
import com.rollbar.notifier.sender.exception.SenderException;
import com.rollbar.notifier.sender.json.JsonSerializer;
import com.rollbar.notifier.sender.json.JsonSerializerImpl;
import com.rollbar.notifier.sender.listener.SenderListener;
import com.rollbar.notifier.sender.result.Response;
import com.rollbar.notifier.sender.result.Result;
import io.openreplay.backend.ShutdownDeadline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rollbar-java {@link Sender} whose every wait is bounded, in place of rollbar-java's default (a
 * {@code BufferedSender} over a {@code SyncSender}, which has no connect or read timeout, an unbounded queue, and
 * which, when rollbar-logback's appender stops, sends its whole queue before returning: with a Rollbar that accepts
 * connections and never answers, the application never exits).
 *
 * <ul>
 *   <li>{@link #send} only queues the item (at most {@link RollbarSenderSettings#queueSize()}, more is dropped); one
 *       daemon thread posts the items one by one to the configured endpoint, with the access token, proxy, JSON
 *       serializer and payload compression of the {@link Config}.</li>
 *   <li>Each post waits at most {@link RollbarSenderSettings#connectTimeoutMillis()} for the connection and
 *       {@link RollbarSenderSettings#readTimeoutMillis()} for the answer. An item Rollbar does not accept (an error
 *       answer, 429, 5xx, no answer) is reported to the listeners and not sent again.</li>
 *   <li>{@link #close(boolean) close(true)} sends what waits for at most
 *       {@link RollbarSenderSettings#flushTimeoutMillis()} (during the JVM's shutdown, at most until the
 *       {@link ShutdownDeadline} that all of this project's bounded stops share), then drops the rest.</li>
 *   <li>Dropped and refused items are counted and reported as one WARN line at most once a minute, and at close,
 *       on a logger under {@code com.rollbar}, which rollbar-logback's appender never sends to Rollbar.</li>
 * </ul>
 *
 * <pre>{@code
 * Rollbar rollbar = new Rollbar(BoundedRollbarSender.build(
 *     OpenReplayRollbar.configure(ConfigBuilder.withAccessToken(token)), RollbarSenderSettings.DEFAULTS));
 * }</pre>
 */
public final class BoundedRollbarSender implements Sender {

  // Under com.rollbar: rollbar-logback drops events of these loggers instead of sending them (no loop on failure).
  private static final Logger LOG = LoggerFactory.getLogger("com.rollbar.openreplay.BoundedRollbarSender");
  private static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final RollbarSenderSettings settings;
  private final BlockingQueue<Payload> queue;
  private final List<SenderListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger unsent = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Object idle = new Object();
  private final Thread worker;
  private volatile Target target;
  private volatile boolean closed;
  private volatile String lastRefusal = "";
  private volatile String flushAtClose;
  private long lastReportNanos = System.nanoTime() - REPORT_INTERVAL_NANOS;
  private long reportedDropped;
  private long reportedRefused;

  /**
   * A sender that queues items until {@link #bind(Config)} tells it where to send them; {@link #build} does both.
   *
   * @param settings its bounds
   */
  public BoundedRollbarSender(RollbarSenderSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.queue = new ArrayBlockingQueue<>(settings.queueSize());
    this.worker = new Thread(this::sendQueued, "rollbar-bounded-sender");
    this.worker.setDaemon(true);
    this.flushAtClose = settings.flushTimeoutMillis() + " ms";
  }

  /**
   * Builds the configuration with a new bounded sender as its sender, then points the sender at the
   * configuration's endpoint with its access token, proxy, serializer and compression. A blank endpoint (such as
   * {@code endpoint="${env:ROLLBAR_ENDPOINT:-}"} with the variable unset) is Rollbar's own, as no endpoint is.
   *
   * @param builder the configuration being built (its sender is replaced)
   * @param settings the sender's bounds
   * @return the configuration, for {@code new Rollbar(...)} or a {@code ConfigProvider}
   */
  public static Config build(ConfigBuilder builder, RollbarSenderSettings settings) {
    BoundedRollbarSender sender = new BoundedRollbarSender(settings);
    Config config = builder.sender(sender).build();
    if (config.endpoint().isBlank()) {
      config = builder.endpoint(null).build();
    }
    sender.bind(config);
    StartingRollbarAppender starting = StartingRollbarAppender.onThisThread();
    if (starting != null && starting.settings() == settings) {
      starting.senderBuilt(sender);
    }
    return config;
  }

  /**
   * Points the sender at the configuration's endpoint and starts its thread; call once.
   *
   * @param config the configuration whose endpoint, access token, proxy, serializer and compression are used
   * @throws IllegalArgumentException when the endpoint is not a URL
   * @throws IllegalStateException when the sender was bound already
   */
  public void bind(Config config) {
    Objects.requireNonNull(config, "config");
    URL url;
    try {
      url = URI.create(config.endpoint()).toURL();
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("not a Rollbar endpoint: " + config.endpoint(), e);
    }
    synchronized (idle) {
      if (target != null) {
        throw new IllegalStateException("already bound to " + target.url());
      }
      target = new Target(url, config.accessToken(), config.proxy() != null ? config.proxy() : Proxy.NO_PROXY,
          config.jsonSerializer() != null ? config.jsonSerializer() : new JsonSerializerImpl(),
          config.compressPayload());
    }
    worker.start();
  }

  /**
   * @return the sender's bounds
   */
  public RollbarSenderSettings settings() {
    return settings;
  }

  /**
   * @return how many items were dropped so far: the queue was full, the sender was closed, or the flush at close
   *     ran out of time
   */
  public long droppedCount() {
    return dropped.get();
  }

  /**
   * @return how many items Rollbar did not accept so far (no connection, no answer in time, an error answer)
   */
  public long refusedCount() {
    return refused.get();
  }

  /**
   * @return how long the flush at close had, with why it was shorter than its bound (before the close: the bound)
   */
  public String flushAtClose() {
    return flushAtClose;
  }

  /**
   * @return the last reason Rollbar did not accept an item, or an empty string
   */
  public String lastRefusal() {
    return lastRefusal;
  }

  @Override
  public void send(Payload payload) {
    if (closed || !queue.offer(payload)) {
      dropped.incrementAndGet();
      notifyError(payload, new SenderException(new IllegalStateException(
          closed ? "the Rollbar sender is closed" : "the Rollbar sender's queue is full")));
      reportNow(false);
      return;
    }
    unsent.incrementAndGet();
  }

  @Override
  public void addListener(SenderListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public List<SenderListener> getListeners() {
    return List.copyOf(listeners);
  }

  /** Stops at once: what waits is dropped. */
  @Override
  public void close() {
    closeWithin(0);
  }

  /**
   * Stops; with {@code wait}, sends what waits for at most {@link RollbarSenderSettings#flushTimeoutMillis()} first
   * (during the JVM's shutdown, at most until the {@link ShutdownDeadline}).
   *
   * @param wait whether to send what waits (rollbar-logback's appender passes {@code true})
   */
  @Override
  public void close(boolean wait) {
    if (!wait) {
      closeWithin(0);
      return;
    }
    ShutdownDeadline deadline = ShutdownDeadline.ofProcess();
    long flushMillis = deadline.waitMillis(settings.flushTimeoutMillis());
    flushAtClose = flushMillis + " ms" + deadline.shortenedNote(settings.flushTimeoutMillis(), flushMillis);
    closeWithin(flushMillis);
  }

  private void closeWithin(long flushMillis) {
    closed = true;
    if (target != null && flushMillis > 0) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
      // Waits out the flush even on an interrupted thread (logback's AsyncAppender stops the appenders behind it
      // from its interrupted worker): the deadline bounds it, and the interrupt is kept for the caller.
      boolean interrupted = false;
      synchronized (idle) {
        long left;
        while (unsent.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
          try {
            TimeUnit.NANOSECONDS.timedWait(idle, left);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    worker.interrupt();
    int left = 0;
    while (queue.poll() != null) {
      left++;
    }
    dropped.addAndGet(left);
    reportNow(true);
  }

  private void sendQueued() {
    while (true) {
      Payload payload;
      try {
        payload = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        post(payload);
      } finally {
        unsent.decrementAndGet();
        synchronized (idle) {
          idle.notifyAll();
        }
      }
    }
  }

  private void post(Payload payload) {
    Target to = target;
    HttpURLConnection connection = null;
    try {
      byte[] body = to.serializer().toJson(payload).getBytes(StandardCharsets.UTF_8);
      connection = (HttpURLConnection) to.url().openConnection(to.proxy());
      connection.setConnectTimeout(settings.connectTimeoutMillis());
      connection.setReadTimeout(settings.readTimeoutMillis());
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      if (to.accessToken() != null && !to.accessToken().isEmpty()) {
        connection.setRequestProperty("x-rollbar-access-token", to.accessToken());
      }
      connection.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
      connection.setRequestProperty("Accept", "application/json");
      if (to.compress()) {
        connection.setRequestProperty("Content-Encoding", "gzip");
        body = gzip(body);
      }
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      String answer;
      try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Result result = resultOf(to.serializer(), answer);
      if (status / 100 == 2 && result != null && !result.isError()) {
        Response response = new Response.Builder().status(status).result(result).build();
        listeners.forEach(listener -> listener.onResponse(payload, response));
      } else {
        refuse(payload, new IOException("Rollbar answered " + status + ": " + answer));
      }
    } catch (IOException | RuntimeException e) {
      if (connection != null) {
        connection.disconnect();
      }
      refuse(payload, e);
    }
  }

  private static Result resultOf(JsonSerializer serializer, String answer) {
    try {
      return serializer.resultFrom(answer);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(body);
    }
    return zipped.toByteArray();
  }

  private void refuse(Payload payload, Exception cause) {
    refused.incrementAndGet();
    lastRefusal = String.valueOf(cause);
    notifyError(payload, new SenderException(cause));
    reportNow(false);
  }

  private void notifyError(Payload payload, Exception error) {
    for (SenderListener listener : listeners) {
      try {
        listener.onError(payload, error);
      } catch (RuntimeException ignored) {
        // a listener's failure is not the sender's
      }
    }
  }

  private synchronized void reportNow(boolean atClose) {
    long now = System.nanoTime();
    if (!atClose && now - lastReportNanos < REPORT_INTERVAL_NANOS) {
      return;
    }
    long newlyDropped = dropped.get() - reportedDropped;
    long newlyRefused = refused.get() - reportedRefused;
    if (newlyDropped == 0 && newlyRefused == 0) {
      return;
    }
    lastReportNanos = now;
    reportedDropped += newlyDropped;
    reportedRefused += newlyRefused;
    LOG.warn("Rollbar: {} items dropped (queue of {} full, sender closed, or flush at close past {}), {} not "
        + "accepted by {} (last: {})", newlyDropped, settings.queueSize(), flushAtClose,
        newlyRefused, target == null ? "-" : target.url(), lastRefusal);
  }

  private record Target(URL url, String accessToken, Proxy proxy, JsonSerializer serializer, boolean compress) {
  }
}
