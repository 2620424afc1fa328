package io.openreplay.backend.sample.demo;

import io.openreplay.backend.testkit.rollbar.ReceivedRollbarItem;
import io.openreplay.backend.testkit.rollbar.RollbarG1Lookup;
import io.openreplay.backend.testkit.rollbar.RollbarReceiver;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Rollbar: the testkit's item receiver; OpenReplay G1's RQL job. */
final class RollbarStation implements ProviderStation {

  private RollbarReceiver receiver;

  @Override
  public Provider provider() {
    return Provider.ROLLBAR;
  }

  @Override
  public void start() throws IOException {
    receiver = RollbarReceiver.start();
  }

  @Override
  public String address() {
    return receiver.endpoint();
  }

  @Override
  public void breakReceiver() {
    receiver.close();
  }

  @Override
  public void configure(ChildSettings settings) {
    settings.env("ROLLBAR_ACCESS_TOKEN", RollbarReceiver.ACCESS_TOKEN)
        .env("ROLLBAR_ENDPOINT", receiver.endpoint())
        .env("ROLLBAR_ENVIRONMENT", "demo");
  }

  @Override
  public ProviderRow check(List<DemoSession> sessions, Instant since) {
    List<ReceivedRollbarItem> items = receiver.items();
    int withToken = (int) items.stream()
        .filter(item -> item.has("/custom/openReplaySessionToken") || item.has("/custom/openReplaySession.id")
            || item.has(RollbarG1Lookup.TOKEN_POINTER))
        .count();
    List<String> g1Tokens = RollbarG1Lookup.run(items, since).stream().map(RollbarG1Lookup.Row::token).toList();
    return ProviderJudgement.judge(provider(), sessions, items.size(), withToken, g1Tokens,
        receiver.problems());
  }

  @Override
  public void close() {
    if (receiver != null) {
      receiver.close();
    }
  }
}
