package io.openreplay.backend.testkit.receiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a loopback receiver took in, in arrival order, and what it refused, one line each. A receiver's server threads
 * add to it; a test reads copies and waits, each wait bounded by a timeout, until enough has arrived. Thread-safe.
 *
 * @param <T> what one received item is
 */
public final class ReceivedItems<T> {

  private final Object lock = new Object();
  private final List<T> items = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** Starts empty. */
  public ReceivedItems() {
  }

  /**
   * Keeps an item, after those received before, and wakes whoever waits.
   *
   * @param item the item; not null
   */
  public void add(T item) {
    addAll(List.of(item));
  }

  /**
   * Keeps items, after those received before, and wakes whoever waits.
   *
   * @param received the items, in the order they arrived; none may be null
   */
  public void addAll(Collection<? extends T> received) {
    synchronized (lock) {
      items.addAll(received);
      lock.notifyAll();
    }
  }

  /**
   * Records a refusal, and wakes whoever waits.
   *
   * @param problem what was refused and why, one line
   */
  public void addProblem(String problem) {
    synchronized (lock) {
      problems.add(problem);
      lock.notifyAll();
    }
  }

  /**
   * @return a copy of every item received so far, in arrival order
   */
  public List<T> items() {
    synchronized (lock) {
      return List.copyOf(items);
    }
  }

  /**
   * @param filter which items to return
   * @return a copy of the matching items received so far, in arrival order
   */
  public List<T> items(Predicate<? super T> filter) {
    synchronized (lock) {
      return items.stream().filter(filter).toList();
    }
  }

  /**
   * @return a copy of what was refused so far, one line each; empty when all was well
   */
  public List<String> problems() {
    synchronized (lock) {
      return List.copyOf(problems);
    }
  }

  /**
   * Waits until at least {@code count} received items match, or the timeout passes.
   *
   * @param filter which items count
   * @param count how many are awaited
   * @param timeout the longest wait
   * @return the matching items received by then, in arrival order (fewer than {@code count} when the time ran out)
   * @throws InterruptedException when interrupted while waiting
   */
  public List<T> await(Predicate<? super T> filter, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        List<T> matching = items(filter);
        long left = deadline - System.nanoTime();
        if (matching.size() >= count || left <= 0) {
          return matching;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
  }

  /** Forgets every item and every problem received so far. */
  public void clear() {
    synchronized (lock) {
      items.clear();
      problems.clear();
    }
  }
}
