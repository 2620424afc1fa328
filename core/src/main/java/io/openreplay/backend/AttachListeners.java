package io.openreplay.backend;

import io.openreplay.backend.internal.RateLimitedLog;
import io.openreplay.backend.spi.AttachListener;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** The {@link AttachListener}s found by {@link ServiceLoader}, told of every attach; their failures are swallowed. */
final class AttachListeners {

  private static final RateLimitedLog LOG =
      new RateLimitedLog(LoggerFactory.getLogger(AttachListeners.class), 60, TimeUnit.SECONDS);

  private AttachListeners() {
  }

  /** Loaded on first use, once per class loader of this class. */
  private static final class Loaded {
    static final AttachListener[] LISTENERS = load();

    private static AttachListener[] load() {
      List<AttachListener> found = new ArrayList<>();
      try {
        for (AttachListener listener : ServiceLoader.load(AttachListener.class, AttachListeners.class.getClassLoader())) {
          found.add(listener);
        }
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        LOG.debug("OpenReplay: an attach listener could not be loaded and is skipped: {}", e.toString());
      }
      return found.toArray(new AttachListener[0]);
    }
  }

  /**
   * @return whether any listener was found
   */
  static boolean any() {
    return Loaded.LISTENERS.length > 0;
  }

  static Detaches notifyAttach(SessionToken token) {
    AttachListener[] listeners = Loaded.LISTENERS;
    if (listeners.length == 0) {
      return Detaches.NONE;
    }
    AttachListener.Detach[] detaches = new AttachListener.Detach[listeners.length];
    for (int i = 0; i < listeners.length; i++) {
      try {
        AttachListener.Detach detach = listeners[i].onAttach(token);
        detaches[i] = detach == null ? AttachListener.Detach.NOTHING : detach;
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("OpenReplay: an attach listener failed: {}", e.toString());
        detaches[i] = AttachListener.Detach.NOTHING;
      }
    }
    return new Detaches(detaches);
  }

  /** What the listeners of one attach undo, last attached first. */
  static final class Detaches {
    static final Detaches NONE = new Detaches(new AttachListener.Detach[0]);

    private final AttachListener.Detach[] detaches;

    private Detaches(AttachListener.Detach[] detaches) {
      this.detaches = detaches;
    }

    void run() {
      for (int i = detaches.length - 1; i >= 0; i--) {
        try {
          detaches[i].detach();
        } catch (RuntimeException | LinkageError e) {
          LOG.debug("OpenReplay: an attach listener failed to detach: {}", e.toString());
        }
      }
    }
  }
}
