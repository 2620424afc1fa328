package io.openreplay.backend.rollbar;

import static io.openreplay.backend.rollbar.RollbarItems.TOKEN;
import static io.openreplay.backend.rollbar.RollbarItems.assertCustomKeys;
import static io.openreplay.backend.rollbar.RollbarItems.assertMessageKeys;
import static io.openreplay.backend.rollbar.RollbarItems.assertNoKeys;
import static io.openreplay.backend.rollbar.RollbarItems.the;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;

/**
 * An application logging through Log4j 2 with {@code rollbar-log4j2}'s appender and {@code openreplay-log4j2} on its
 * class path (SLF4J is bound to logback here, so it is openreplay-log4j2's listener that puts the keys into the
 * ThreadContext): rollbar-log4j2 copies the event's context data to {@code data.custom["rollbar-log4j2"].mdc}, and
 * {@link OpenReplayConfigProvider}'s transformer takes the token from there, on the logging thread and behind
 * {@code <Async>}, where the reporting thread has none. Items go over a real socket to a loopback receiver, and OpenReplay
 * G1's RQL job is run on what arrived.
 */
class RollbarLog4j2EndToEndTest extends LoopbackRollbarTest {

  private static final String LOGGED = "payment failed for order 42";

  private static LoggerContext log4j() throws IOException {
    String xml;
    try (InputStream in = RollbarLog4j2EndToEndTest.class.getResourceAsStream("/rollbar/log4j2.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${ROLLBAR_ACCESS_TOKEN}", RollbarReceiver.ACCESS_TOKEN)
          .replace("${ROLLBAR_ENDPOINT}", receiver.endpoint());
    }
    LoggerContext context = new LoggerContext("rollbar-log4j2-" + System.nanoTime());
    context.start(new XmlConfiguration(context,
        new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
    return context;
  }

  private static List<ReceivedRollbarItem> logWithAndWithoutToken(String loggerName) throws Exception {
    LoggerContext context = log4j();
    try {
      Logger log = context.getLogger(loggerName);
      try (ContextScope ignored = OpenReplayContext.attach(SessionToken.parse(TOKEN).orElseThrow())) {
        log.error("payment failed for order {}", 42);
      }
      log.error("payment failed for order {}", 43);
      return receiver.awaitItems(item -> true, 2, Duration.ofSeconds(10));
    } finally {
      context.stop(10, TimeUnit.SECONDS);
    }
  }

  private void assertFoundAndBodyUnchanged(List<ReceivedRollbarItem> items) {
    assertEquals(2, items.size(), "both items arrived: " + items);
    ReceivedRollbarItem error = the(items, LOGGED);
    assertEquals("error", error.level());
    assertEquals(Optional.of(LOGGED), error.string("/body/message/body"), "the message as logged, no prefix");
    assertCustomKeys(error);
    assertMessageKeys(error);
    assertEquals(Optional.of(TOKEN), error.string("/custom/rollbar-log4j2/mdc/openReplaySessionToken"),
        "rollbar-log4j2's own copy of the context data is kept");

    ReceivedRollbarItem without = the(items, "payment failed for order 43");
    assertEquals(Optional.of("payment failed for order 43"), without.string("/body/message/body"));
    assertNoKeys(without);

    assertEquals(List.of(new RollbarG1Lookup.Row(error, TOKEN)), RollbarG1Lookup.run(items, since),
        "G1 finds the item logged with a token, and only it");
  }

  @Test
  void onTheLoggingThreadTheItemCarriesTheKeys() throws Exception {
    assertFoundAndBodyUnchanged(logWithAndWithoutToken("sync.Checkout"));
  }

  @Test
  void behindAnAsyncAppenderTheTokenComesFromTheEventsContextData() throws Exception {
    assertFoundAndBodyUnchanged(logWithAndWithoutToken("shop.Checkout"));
  }
}
