package io.openreplay.backend.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openreplay.backend.OpenReplayContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An application without Sentry: the listener registered in META-INF/services still loads, and attaching a token
 * works, without any NoClassDefFoundError. Runs in a class loader that holds only this project's classes and
 * SLF4J.
 */
class SentryAttachListenerWithoutSentryTest {

  private static URL locationOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void loadsAndAttachesWithoutSentryOnTheClassPath() throws Exception {
    URL[] path = {locationOf(OpenReplayContext.class), locationOf(SentryAttachListener.class),
        locationOf(LoggerFactory.class)};
    try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName("io.sentry.Sentry", false, loader));

      Class<?> listenerType = loader.loadClass("io.openreplay.backend.spi.AttachListener");
      List<Object> listeners = new ArrayList<>();
      ServiceLoader.load(listenerType, loader).forEach(listeners::add);
      Object sentryListener = listeners.stream()
          .filter(listener -> listener.getClass().getName().equals(SentryAttachListener.class.getName()))
          .findFirst().orElseThrow(() -> new AssertionError("registered: " + listeners));

      Class<?> tokenType = loader.loadClass("io.openreplay.backend.SessionToken");
      Object token = tokenType.getMethod("parseOrNull", CharSequence.class)
          .invoke(null, SentryLogbackEndToEndTest.TOKEN);
      Object detach = listenerType.getMethod("onAttach", tokenType).invoke(sentryListener, token);
      Object nothing = loader.loadClass("io.openreplay.backend.spi.AttachListener$Detach").getField("NOTHING").get(null);
      assertSame(nothing, detach, "without Sentry there is nothing to undo");

      Class<?> contextType = loader.loadClass("io.openreplay.backend.OpenReplayContext");
      AutoCloseable scope = (AutoCloseable) contextType.getMethod("attach", tokenType).invoke(null, token);
      assertEquals(Optional.of(token), contextType.getMethod("current").invoke(null));
      scope.close();
      assertEquals(Optional.empty(), contextType.getMethod("current").invoke(null));
    }
  }
}
