package io.openreplay.backend.rollbar;

import static io.openreplay.backend.rollbar.RollbarItems.TOKEN;
import static io.openreplay.backend.rollbar.RollbarItems.assertCustomKeys;
import static io.openreplay.backend.rollbar.RollbarItems.assertMessageKeys;
import static io.openreplay.backend.rollbar.RollbarItems.assertNoKeys;
import static io.openreplay.backend.rollbar.RollbarItems.the;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.logback.XmlLogback;
import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The README's rollbar-logback configuration with the real rollbar-java, sending items over a real socket to a
 * loopback receiver, and OpenReplay G1's RQL job run on what arrived. Closing the logback context stops the
 * appender, which flushes rollbar-java's queue: the items have arrived when {@code close()} returns.
 */
class RollbarLogbackEndToEndTest extends LoopbackRollbarTest {

  private static XmlLogback logback(String resource, String provider) throws IOException {
    String xml;
    try (InputStream in = RollbarLogbackEndToEndTest.class.getResourceAsStream(resource)) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return XmlLogback.configure(xml, Map.of("ROLLBAR_ACCESS_TOKEN", RollbarReceiver.ACCESS_TOKEN,
        "ROLLBAR_ENDPOINT", receiver.endpoint(), "ROLLBAR_CONFIG_PROVIDER", provider));
  }

  private static SessionToken vector() {
    return SessionToken.parse(TOKEN).orElseThrow();
  }

  @Test
  void itemsOfARequestCarryTheKeysAndErrorMessagesAreFound() throws Exception {
    try (XmlLogback logback = logback("/rollbar/logback.xml", OpenReplayConfigProvider.class.getName())) {
      Logger log = logback.logger("shop.Checkout");
      try (ContextScope ignored = OpenReplayContext.attach(vector())) {
        log.error("logback: checkout failed");
        log.warn("logback: a warning");
        log.error("logback: failed with exception", new IllegalStateException("declined"));
      }
      log.error("logback: outside any request");
    }
    List<ReceivedRollbarItem> items = receiver.items();
    assertEquals(4, items.size(), "all items arrived: " + items);

    ReceivedRollbarItem error = the(items, "logback: checkout failed");
    assertEquals("error", error.level());
    assertCustomKeys(error);
    assertMessageKeys(error);
    assertEquals(Optional.of(TOKEN), error.string("/custom/rollbar-logback/mdc/openReplaySessionToken"),
        "rollbar-logback's own MDC copy is kept");

    ReceivedRollbarItem warning = the(items, "logback: a warning");
    assertCustomKeys(warning);
    assertMessageKeys(warning);

    ReceivedRollbarItem exception = the(items, "logback: failed with exception");
    assertTrue(List.of("trace", "trace_chain").contains(exception.bodyKind()), "kept as an exception item");
    assertCustomKeys(exception);
    assertFalse(exception.has("/body/message"));

    assertNoKeys(the(items, "logback: outside any request"));

    List<RollbarG1Lookup.Row> rows = RollbarG1Lookup.run(items, since);
    assertEquals(List.of(new RollbarG1Lookup.Row(error, TOKEN)), rows,
        "G1 finds the error message only: not the warning (level 30), not the exception item, not the item without token");
  }

  @Test
  void exceptionsAsMessagesMakesExceptionItemsFindable() throws Exception {
    try (XmlLogback logback = logback("/rollbar/logback.xml", OpenReplayExceptionsAsMessagesConfigProvider.class.getName())) {
      Logger log = logback.logger("shop.Checkout");
      try (ContextScope ignored = OpenReplayContext.attach(vector())) {
        log.error("logback: failed with exception", new IllegalStateException("declined", new ArithmeticException("cause")));
      }
      log.error("logback: exception outside any request", new IllegalStateException("no session"));
    }
    List<ReceivedRollbarItem> items = receiver.items();
    ReceivedRollbarItem found = the(items, "logback: failed with exception");
    assertEquals("error", found.level());
    assertCustomKeys(found);
    assertMessageKeys(found);
    String text = found.string("/body/message/body").orElseThrow();
    assertTrue(text.contains("java.lang.IllegalStateException: declined"), text);
    assertTrue(text.contains("Caused by: java.lang.ArithmeticException: cause"), text);
    assertTrue(text.contains("\tat " + RollbarLogbackEndToEndTest.class.getName() + ".exceptionsAsMessages"), text);

    ReceivedRollbarItem untouched = the(items, "logback: exception outside any request");
    assertTrue(List.of("trace", "trace_chain").contains(untouched.bodyKind()), "without a token nothing changes");
    assertNoKeys(untouched);

    assertEquals(List.of(new RollbarG1Lookup.Row(found, TOKEN)), RollbarG1Lookup.run(items, since, TOKEN));
  }

  @Test
  void behindAnAsyncAppenderTheTokenComesFromTheEventsMdc() throws Exception {
    try (XmlLogback logback = logback("/rollbar/logback-async.xml", "")) {
      try (ContextScope ignored = OpenReplayContext.attach(vector())) {
        logback.logger("shop.Checkout").error("async: checkout failed");
      }
    }
    ReceivedRollbarItem item = the(receiver.items(), "async: checkout failed");
    assertCustomKeys(item);
    assertMessageKeys(item);
    assertEquals(1, RollbarG1Lookup.run(receiver.items(), since, TOKEN).size());
  }

  @Test
  void anInvalidMdcValueIsNotSent() throws Exception {
    try (XmlLogback logback = logback("/rollbar/logback.xml", OpenReplayConfigProvider.class.getName())) {
      MDC.put(SessionToken.TOKEN_KEY, "forged\" value <script>");
      try {
        logback.logger("shop.Checkout").error("logback: forged MDC");
      } finally {
        MDC.remove(SessionToken.TOKEN_KEY);
      }
    }
    ReceivedRollbarItem item = the(receiver.items(), "logback: forged MDC");
    assertNoKeys(item);
    assertEquals(List.of(), RollbarG1Lookup.run(receiver.items(), since));
  }
}
