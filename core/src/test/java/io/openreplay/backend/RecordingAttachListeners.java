package io.openreplay.backend;

import io.openreplay.backend.spi.AttachListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Attach listeners registered by this module's test META-INF/services file. */
public final class RecordingAttachListeners {

  /** What the recording listeners saw, on the thread that is recording (other threads are ignored). */
  static final List<String> RECORD = new CopyOnWriteArrayList<>();
  static volatile Thread recordingThread;

  private RecordingAttachListeners() {
  }

  /** A test records what the listeners are told on its thread, and nothing of before: {@code @ExtendWith} it. */
  public static final class OnTestThread implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      RECORD.clear();
      recordingThread = Thread.currentThread();
    }

    @Override
    public void afterEach(ExtensionContext context) {
      recordingThread = null;
    }
  }

  private static void record(String what) {
    if (Thread.currentThread() == recordingThread) {
      RECORD.add(what);
    }
  }

  private static String describe(SessionToken token) {
    return token.token() != null ? token.token() : token.sessionId();
  }

  /** Listed first. */
  public static final class First implements AttachListener {
    @Override
    public Detach onAttach(SessionToken token) {
      boolean current = OpenReplayContext.current().orElse(null) == token;
      record("first attach " + describe(token) + (current ? " (current)" : " (NOT current)"));
      return () -> record("first detach " + describe(token));
    }
  }

  /** Listed last of the recording ones. */
  public static final class Second implements AttachListener {
    @Override
    public Detach onAttach(SessionToken token) {
      record("second attach " + describe(token));
      return () -> record("second detach " + describe(token));
    }
  }

  /** Fails on every attach. */
  public static final class ThrowingOnAttach implements AttachListener {
    @Override
    public Detach onAttach(SessionToken token) {
      throw new IllegalStateException("listener failure on attach");
    }
  }

  /** Fails on every detach. */
  public static final class ThrowingOnDetach implements AttachListener {
    @Override
    public Detach onAttach(SessionToken token) {
      return () -> {
        throw new IllegalStateException("listener failure on detach");
      };
    }
  }
}
