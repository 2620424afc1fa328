package io.openreplay.backend;

import java.util.concurrent.Executor;

/** An {@link Executor} that runs each task with the token current when it was submitted. */
final class HandOverExecutor implements Executor {

  private final Executor delegate;

  HandOverExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable command) {
    delegate.execute(OpenReplayContext.wrap(command));
  }

  @Override
  public String toString() {
    return "OpenReplay hand-over of " + delegate;
  }
}
