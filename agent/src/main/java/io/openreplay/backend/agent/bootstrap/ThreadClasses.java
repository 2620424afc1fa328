package io.openreplay.backend.agent.bootstrap;

import java.util.function.Consumer;

/**
 * The application's own thread classes, instrumented when they are first needed: the first time a thread of such a
 * class is started while a token is current, its class is handed to the agent, which retransforms it so that its
 * {@code run()} attaches the token. Classes are never matched through their hierarchy as they load, which would
 * mean describing every class of the application.
 */
public final class ThreadClasses {

  private static volatile Consumer<Class<?>> instrumenter;
  private static final ClassValue<Boolean> HANDED_OVER = new HandedOver();

  private ThreadClasses() {
  }

  /**
   * Set once by the agent when its thread instrumentation is on.
   *
   * @param agent what instruments a thread class, synchronously
   */
  public static void install(Consumer<Class<?>> agent) {
    instrumenter = agent;
  }

  /**
   * Called as a thread that will carry a token is started, before it runs: its class is instrumented first, once.
   *
   * @param threadClass the class of the thread being started
   */
  static void starting(Class<?> threadClass) {
    if (threadClass != Thread.class && instrumenter != null) {
      HANDED_OVER.get(threadClass);
    }
  }

  /** Hands each class to the agent once; a plain subclass, as bootstrap code avoids lambdas. */
  private static final class HandedOver extends ClassValue<Boolean> {
    @Override
    protected Boolean computeValue(Class<?> type) {
      Consumer<Class<?>> agent = instrumenter;
      if (agent != null) {
        agent.accept(type);
      }
      return Boolean.TRUE;
    }
  }
}
