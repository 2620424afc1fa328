package io.openreplay.backend.sample.demo;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.sentry.ReceivedSentryEvent;
import io.openreplay.backend.testkit.sentry.SentryG1Lookup;
import io.openreplay.backend.testkit.sentry.SentryG2Lookup;
import io.openreplay.backend.testkit.sentry.SentryReceiver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sentry: the testkit's envelope receiver; OpenReplay G1 (tag) and G2 (tag query) lookups. */
final class SentryStation implements ProviderStation {

  private SentryReceiver receiver;

  @Override
  public Provider provider() {
    return Provider.SENTRY;
  }

  @Override
  public void start() throws IOException {
    receiver = SentryReceiver.start();
  }

  @Override
  public String address() {
    return receiver.dsn();
  }

  @Override
  public void breakReceiver() {
    receiver.close();
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.env("SENTRY_DSN", receiver.dsn()).env("SENTRY_ENVIRONMENT", "demo");
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) {
    List<ReceivedSentryEvent> events = receiver.events();
    int withToken = (int) events.stream()
        .filter(event -> event.tag(SessionToken.TOKEN_KEY) != null || event.tag(SessionToken.SESSION_ID_KEY) != null)
        .count();
    List<String> g1Tokens = new ArrayList<>();
    for (ReceivedSentryEvent event : SentryG1Lookup.linked(events)) {
      g1Tokens.add(event.tag(SessionToken.TOKEN_KEY));
    }
    Map<String, Integer> g2 = new LinkedHashMap<>();
    for (DemoSession session : sessions) {
      g2.put(session.sessionId(), SentryG2Lookup.forSession(events, session.sessionId()).size());
    }
    return ProviderJudgement.judge(provider(), sessions, events.size(), withToken, g1Tokens, g2,
        DemoTraffic.ERRORS_PER_SESSION, receiver.problems());
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
