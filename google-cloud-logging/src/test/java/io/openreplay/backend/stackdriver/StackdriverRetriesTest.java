package io.openreplay.backend.stackdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.status.Status;
import com.google.cloud.logging.logback.LoggingAppender;
import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.stackdriver.loopback.LoopbackBoundedRetryLoggingAppender;
import io.openreplay.backend.testkit.fault.Fault;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.stackdriver.StackdriverLookup;
import io.openreplay.backend.testkit.stackdriver.StackdriverReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedRetryLoggingAppender} on Google's real client, writing over gRPC to a receiver on 127.0.0.1 that
 * answers {@code UNAVAILABLE}: how many times one batch is sent, and what arrives once the receiver answers again, read
 * with OpenReplay's own filter. Retry waits are shortened to milliseconds; the count of attempts is the library's.
 */
class StackdriverRetriesTest {

  private static final String TOKEN = "jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q";
  private static final String PROJECT = "my-project";
  private static final String LOG = "my-app";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private StackdriverReceiver receiver;
  private XmlLogback logback;

  @BeforeEach
  void startReceiver() {
    receiver = StackdriverReceiver.start();
  }

  @AfterEach
  void stop() {
    if (logback != null) {
      logback.close();
    }
    receiver.close();
  }

  /** The README's appender with the given retry elements, sending to the receiver; its first write already done. */
  private org.slf4j.Logger logger(String retries) throws InterruptedException {
    String xml = "<configuration>\n"
        + "  <appender name='CLOUD' class='" + LoopbackBoundedRetryLoggingAppender.class.getName() + "'>\n"
        + "    <port>${port}</port>\n"
        + "    <log>" + LOG + "</log>\n"
        + "    <logDestinationProjectId>" + PROJECT + "</logDestinationProjectId>\n"
        + "    <flushLevel>OFF</flushLevel>\n"
        + retries
        + "    <loggingEventEnhancer>io.openreplay.backend.stackdriver.OpenReplayLoggingEventEnhancer"
        + "</loggingEventEnhancer>\n"
        + "  </appender>\n"
        + "  <root level='INFO'><appender-ref ref='CLOUD'/></root>\n"
        + "</configuration>\n";
    logback = XmlLogback.configure(xml, Map.of("port", Integer.toString(receiver.port())));
    org.slf4j.Logger log = logback.logger("shop.Checkout");
    // The library adds an entry of its own to the first write: out of the way before any count.
    log.info("started");
    appender(log).flush();
    receiver.awaitEntries(1, WAIT);
    receiver.clear();
    return log;
  }

  private static LoggingAppender appender(org.slf4j.Logger log) {
    return (LoggingAppender) ((Logger) log).getLoggerContext().getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CLOUD");
  }

  private static void errorInRequest(org.slf4j.Logger log, String message) {
    try (ContextScope scope = OpenReplayContext.attach(SessionToken.parseOrNull(TOKEN))) {
      log.error(message);
    }
  }

  /** The first line of each entry OpenReplay's filter finds for the token. */
  private List<String> foundByOpenReplay() {
    return new StackdriverLookup(PROJECT, LOG).find(receiver.entries(), Instant.EPOCH).stream()
        .filter(found -> TOKEN.equals(found.token()))
        .map(found -> found.entry().getJsonPayload().getFieldsMap().get("message").getStringValue())
        .collect(Collectors.toList());
  }

  @Test
  void aBatchIsSentWriteAttemptsTimesAtMostWhileCloudLoggingIsUnavailable() throws Exception {
    org.slf4j.Logger log = logger("    <writeAttempts>3</writeAttempts>\n"
        + "    <retryDelayMillis>10</retryDelayMillis>\n");
    int before = receiver.writeCalls();
    receiver.failWith(Fault.SERVER_ERROR);
    errorInRequest(log, "payment failed");
    assertThrows(RuntimeException.class, appender(log)::flush, "the batch failed for good");
    assertEquals(3, receiver.writeCalls() - before, "WriteLogEntries calls of the one batch");

    receiver.failWith(null);
    errorInRequest(log, "card declined");
    appender(log).flush();
    receiver.awaitEntries(1, WAIT);
    assertEquals(List.of("card declined"), foundByOpenReplay(), "once Cloud Logging answers, entries arrive again");
  }

  @Test
  void withoutTheElementsABatchHasFourAttempts() throws Exception {
    org.slf4j.Logger log = logger("    <retryDelayMillis>10</retryDelayMillis>\n");
    int before = receiver.writeCalls();
    receiver.failWith(Fault.SERVER_ERROR);
    errorInRequest(log, "payment failed");
    assertThrows(RuntimeException.class, appender(log)::flush, "the batch failed for good");
    assertEquals(BoundedRetryLoggingAppender.DEFAULT_WRITE_ATTEMPTS, receiver.writeCalls() - before,
        "WriteLogEntries calls of the one batch");
  }

  @Test
  void aBlipShorterThanTheAttemptsLosesNothing() throws Exception {
    org.slf4j.Logger log = logger("    <writeAttempts>3</writeAttempts>\n"
        + "    <retryDelayMillis>10</retryDelayMillis>\n");
    int before = receiver.writeCalls();
    receiver.failWith(Fault.SERVER_ERROR, 2);
    errorInRequest(log, "payment failed");
    appender(log).flush();
    receiver.awaitEntries(1, WAIT);
    assertEquals(3, receiver.writeCalls() - before, "two UNAVAILABLE answers, then the one that kept the entry");
    assertEquals(List.of("payment failed"), foundByOpenReplay(), "the retried entry, as OpenReplay finds it");
  }

  @Test
  void aTooSmallValueKeepsTheDefaultWithAWarning() throws Exception {
    org.slf4j.Logger log = logger("    <writeAttempts>0</writeAttempts>\n"
        + "    <retryDelayMillis>10</retryDelayMillis>\n");
    String warnings = logback.statuses(Status.WARN);
    assertTrue(warnings.contains("writeAttempts must be 1 or more, got 0"), warnings);
    int before = receiver.writeCalls();
    receiver.failWith(Fault.SERVER_ERROR);
    errorInRequest(log, "payment failed");
    assertThrows(RuntimeException.class, appender(log)::flush, "the batch failed for good");
    assertEquals(BoundedRetryLoggingAppender.DEFAULT_WRITE_ATTEMPTS, receiver.writeCalls() - before);
  }
}
