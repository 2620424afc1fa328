package io.openreplay.backend.bench.soakapp;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.SessionToken;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * The library user's hand-over, as the README's "The context in your own code" shows it: executors wrapped with
 * {@code OpenReplayContext.wrap}, and a fork-join task attaching the token that was current where it was made.
 */
final class LibraryHandover implements Handover {

  @Override
  public ExecutorService executor(ExecutorService executor) {
    return OpenReplayContext.wrap(executor);
  }

  @Override
  public Captured capture() {
    SessionToken token = OpenReplayContext.current().orElse(null);
    if (token == null) {
      return RUN_AS_IS;
    }
    return new Captured() {
      @Override
      public <T> T call(Callable<T> work) throws Exception {
        try (ContextScope ignored = OpenReplayContext.attach(token)) {
          return work.call();
        }
      }
    };
  }
}
