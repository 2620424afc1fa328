package io.openreplay.backend.rollbar;

import static io.openreplay.backend.rollbar.RollbarItems.TOKEN;
import static io.openreplay.backend.rollbar.RollbarItems.assertCustomKeys;
import static io.openreplay.backend.rollbar.RollbarItems.assertMessageKeys;
import static io.openreplay.backend.rollbar.RollbarItems.assertNoKeys;
import static io.openreplay.backend.rollbar.RollbarItems.the;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollbar.notifier.Rollbar;
import com.rollbar.notifier.config.ConfigBuilder;
import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * rollbar-java configured in code with {@link OpenReplayRollbar#configure}, sending to a loopback receiver over a
 * real socket. {@code Rollbar.close(true)} flushes the queue, so the items have arrived when it returns.
 */
class RollbarFromCodeTest extends LoopbackRollbarTest {

  private static Rollbar rollbar(boolean exceptionsAsMessages) {
    ConfigBuilder builder = ConfigBuilder.withAccessToken(RollbarReceiver.ACCESS_TOKEN)
        .endpoint(receiver.endpoint())
        .environment("test");
    return new Rollbar(OpenReplayRollbar.configure(builder, exceptionsAsMessages).build());
  }

  private static SessionToken vector() {
    return SessionToken.parse(TOKEN).orElseThrow();
  }

  @Test
  void onlyErrorAndCriticalMessagesAreFoundButEveryItemCarriesTheKeys() throws Exception {
    Rollbar rollbar = rollbar(false);
    try (ContextScope ignored = OpenReplayContext.attach(vector())) {
      rollbar.error("code: error message");
      rollbar.critical("code: critical message");
      rollbar.warning("code: warning message");
      rollbar.info("code: info message");
      rollbar.error(new IllegalStateException("declined"), "code: exception item");
    }
    rollbar.close(true);

    List<ReceivedRollbarItem> items = receiver.items();
    assertEquals(5, items.size(), "all items arrived: " + items);
    for (ReceivedRollbarItem item : items) {
      assertCustomKeys(item);
    }
    for (String message : List.of("code: error message", "code: critical message", "code: warning message",
        "code: info message")) {
      assertMessageKeys(the(items, message));
    }
    assertFalse(the(items, "code: exception item").has("/body/message"), "exception items keep their trace by default");

    Set<String> found = RollbarG1Lookup.run(items, since, TOKEN).stream()
        .map(row -> row.item().level()).collect(Collectors.toSet());
    assertEquals(Set.of("error", "critical"), found, "item.level > 30 keeps error and critical messages");
  }

  @Test
  void aHandedOverThreadReportsWithTheToken() throws Exception {
    Rollbar rollbar = rollbar(false);
    ExecutorService pool = OpenReplayContext.wrap(Executors.newSingleThreadExecutor());
    try {
      try (ContextScope ignored = OpenReplayContext.attach(vector())) {
        pool.submit(() -> rollbar.critical("code: critical on the pool")).get();
      }
      pool.submit(() -> rollbar.error("code: pool, no request")).get();
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      rollbar.close(true);
    }
    ReceivedRollbarItem found = the(receiver.items(), "code: critical on the pool");
    assertCustomKeys(found);
    assertMessageKeys(found);
    assertNoKeys(the(receiver.items(), "code: pool, no request"));
    assertEquals(1, RollbarG1Lookup.run(receiver.items(), since).size());
  }

  @Test
  void theOptInSendsExceptionsAsFindableMessages() throws Exception {
    Rollbar rollbar = rollbar(true);
    try (ContextScope ignored = OpenReplayContext.attach(vector())) {
      rollbar.error(new IllegalStateException("declined", new ArithmeticException("cause")), "code: opt-in exception");
      rollbar.critical(new OutOfMemoryError("simulated"));
    }
    rollbar.error(new IllegalStateException("no request"), "code: opt-in without token");
    rollbar.close(true);

    List<ReceivedRollbarItem> items = receiver.items();
    ReceivedRollbarItem exception = the(items, "code: opt-in exception");
    assertMessageKeys(exception);
    assertCustomKeys(exception);
    assertTrue(exception.string("/body/message/body").orElseThrow()
        .contains("Caused by: java.lang.ArithmeticException: cause"));
    ReceivedRollbarItem critical = the(items, "java.lang.OutOfMemoryError: simulated");
    assertEquals("critical", critical.level());
    assertMessageKeys(critical);

    ReceivedRollbarItem withoutToken = the(items, "code: opt-in without token");
    assertTrue(List.of("trace", "trace_chain").contains(withoutToken.bodyKind()));
    assertNoKeys(withoutToken);

    assertEquals(Set.of(exception, critical), Set.copyOf(RollbarG1Lookup.run(items, since, TOKEN).stream()
        .map(RollbarG1Lookup.Row::item).toList()));
  }

  @Test
  void customDataOfTheCallerIsKept() throws Exception {
    Rollbar rollbar = rollbar(false);
    try (ContextScope ignored = OpenReplayContext.attach(vector())) {
      rollbar.error("code: with custom", Map.of("orderId", "42"));
    }
    rollbar.close(true);
    ReceivedRollbarItem item = the(receiver.items(), "code: with custom");
    assertCustomKeys(item);
    assertEquals("42", item.string("/custom/orderId").orElseThrow());
  }
}
