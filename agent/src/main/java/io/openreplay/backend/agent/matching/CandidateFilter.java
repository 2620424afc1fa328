package io.openreplay.backend.agent.matching;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent's one class file transformer, registered as the agent starts: it hands {@link CandidateClasses} to Byte
 * Buddy's transformer and returns every other class unchanged without it being described (Byte Buddy describes
 * every class it is handed before it matches, which is most of what an agent costs at start-up).
 *
 * <p>Byte Buddy's transformer is built on a thread of its own while the application starts. A candidate class
 * loaded before it is ready waits for it, so no class the agent instruments is ever loaded unchanged; the
 * installing thread's own class loading never waits, and a wait is bounded so that the application starts in any
 * case.
 */
public final class CandidateFilter implements ClassFileTransformer {

  private static final long MAX_WAIT_SECONDS = 30;

  private final CandidateClasses candidates;
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile ClassFileTransformer delegate;
  private volatile Thread installer;

  /**
   * @param candidates the classes handed on
   */
  public CandidateFilter(CandidateClasses candidates) {
    this.candidates = candidates;
  }

  /**
   * @param thread the thread that builds Byte Buddy's transformer; the classes it loads never wait
   */
  public void installingOn(Thread thread) {
    installer = thread;
  }

  /**
   * Byte Buddy's transformer is ready: waiting candidates go on, transformed.
   *
   * @param transformer the transformer candidates are handed to
   */
  public void delegateTo(ClassFileTransformer transformer) {
    delegate = transformer;
    settled.countDown();
  }

  /** The installation failed: waiting candidates go on, unchanged. */
  public void abandon() {
    settled.countDown();
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
    if (!candidates.isCandidate(internalName, classFile)) {
      return null;
    }
    ClassFileTransformer target = ready();
    if (target == null) {
      return null;
    }
    return target.transform(module, loader, internalName, classBeingRedefined, protectionDomain, classFile);
  }

  private ClassFileTransformer ready() {
    ClassFileTransformer target = delegate;
    if (target != null || Thread.currentThread() == installer) {
      return target;
    }
    try {
      settled.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return delegate;
  }
}
