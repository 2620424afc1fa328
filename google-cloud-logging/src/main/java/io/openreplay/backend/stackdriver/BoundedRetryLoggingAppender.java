package io.openreplay.backend.stackdriver;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.logging.LoggingOptions;
import com.google.cloud.logging.logback.LoggingAppender;
import java.time.Duration;

/**
 * Google's logback {@link LoggingAppender} with a bound on how long and how often its client retries a batch of
 * entries that Cloud Logging refuses with a retryable status ({@code UNAVAILABLE}, {@code INTERNAL},
 * {@code DEADLINE_EXCEEDED}).
 *
 * <p>Without it, Google's client retries each batch up to 6 times over up to 50 s ({@code LoggingOptions}' defaults):
 * while Cloud Logging is failing, every batch is sent again and again in the background, and the batches waiting for
 * their retries pile up until the client's flow control (10 MiB) blocks the logging threads. With it, each batch gets
 * {@link #setWriteAttempts(int) writeAttempts} attempts (default {@value #DEFAULT_WRITE_ATTEMPTS}), the first retry
 * after up to {@link #setRetryDelayMillis(long) retryDelayMillis} (default {@value #DEFAULT_RETRY_DELAY_MILLIS} ms, then
 * doubling, with Google's random jitter), all within {@link #setWriteTimeoutMillis(long) writeTimeoutMillis} (default
 * {@value #DEFAULT_WRITE_TIMEOUT_MILLIS} ms, which also bounds each attempt): a blip of a few seconds loses nothing, a
 * longer outage drops the batches it outlasts. Every other element is Google's appender's, unchanged.
 *
 * <pre>{@code
 * <appender name="CLOUD" class="io.openreplay.backend.stackdriver.BoundedRetryLoggingAppender">
 *   <log>my-app</log>
 *   <flushLevel>OFF</flushLevel>
 *   <writeAttempts>4</writeAttempts>
 *   <retryDelayMillis>1000</retryDelayMillis>
 *   <writeTimeoutMillis>15000</writeTimeoutMillis>
 *   <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer</loggingEventEnhancer>
 * </appender>
 * }</pre>
 */
public class BoundedRetryLoggingAppender extends LoggingAppender {

  /** Attempts of a batch, the first included, when none are configured. */
  public static final int DEFAULT_WRITE_ATTEMPTS = 4;
  /** The longest wait before the first retry when none is configured, in milliseconds. */
  public static final long DEFAULT_RETRY_DELAY_MILLIS = 1000;
  /** The time a batch may take, all its attempts included, when none is configured, in milliseconds. */
  public static final long DEFAULT_WRITE_TIMEOUT_MILLIS = 15_000;

  private int writeAttempts = DEFAULT_WRITE_ATTEMPTS;
  private long retryDelayMillis = DEFAULT_RETRY_DELAY_MILLIS;
  private long writeTimeoutMillis = DEFAULT_WRITE_TIMEOUT_MILLIS;

  /** Creates the appender; logback calls this. */
  public BoundedRetryLoggingAppender() {
    super();
  }

  /**
   * @param writeAttempts how many times a batch is sent at the most, the first time included; 1 sends it once, with
   *     no retry (below 1: the default is kept, with a warning)
   */
  public void setWriteAttempts(int writeAttempts) {
    if (writeAttempts < 1) {
      addWarn("writeAttempts must be 1 or more, got " + writeAttempts + ": keeping " + this.writeAttempts);
      return;
    }
    this.writeAttempts = writeAttempts;
  }

  /**
   * @param retryDelayMillis the longest wait before the first retry, in milliseconds; each later one may wait twice
   *     as long as the one before (negative: the default is kept, with a warning)
   */
  public void setRetryDelayMillis(long retryDelayMillis) {
    if (retryDelayMillis < 0) {
      addWarn("retryDelayMillis must be 0 or more, got " + retryDelayMillis + ": keeping " + this.retryDelayMillis);
      return;
    }
    this.retryDelayMillis = retryDelayMillis;
  }

  /**
   * @param writeTimeoutMillis how long a batch may take, all its attempts and the waits between them included, in
   *     milliseconds (below 1: the default is kept, with a warning)
   */
  public void setWriteTimeoutMillis(long writeTimeoutMillis) {
    if (writeTimeoutMillis < 1) {
      addWarn("writeTimeoutMillis must be 1 or more, got " + writeTimeoutMillis + ": keeping "
          + this.writeTimeoutMillis);
      return;
    }
    this.writeTimeoutMillis = writeTimeoutMillis;
  }

  /**
   * @return the options Google's appender builds from its elements, with this appender's retry settings (Google's
   *     appender asks for them when it starts only)
   */
  @Override
  protected LoggingOptions getLoggingOptions() {
    return loggingOptionsBeforeRetries().toBuilder().setRetrySettings(retrySettings()).build();
  }

  /**
   * @return the options to which the retry settings are added: Google's appender's own
   */
  protected LoggingOptions loggingOptionsBeforeRetries() {
    return super.getLoggingOptions();
  }

  /**
   * @return the retry settings of every call of the client, {@code WriteLogEntries} included
   */
  private RetrySettings retrySettings() {
    Duration timeout = Duration.ofMillis(writeTimeoutMillis);
    return RetrySettings.newBuilder()
        .setMaxAttempts(writeAttempts)
        .setInitialRetryDelayDuration(Duration.ofMillis(retryDelayMillis))
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(timeout)
        .setTotalTimeoutDuration(timeout)
        .setInitialRpcTimeoutDuration(timeout)
        .setRpcTimeoutMultiplier(1.0)
        .setMaxRpcTimeoutDuration(timeout)
        .build();
  }
}
