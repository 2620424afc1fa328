package io.openreplay.backend.bench.soak;

/**
 * What a soak request does in the application ({@code /work?kind=NAME}, see the soak app's {@code WorkServlet}), and
 * how many checked events it logs: one on the request thread, and one for each other unit of work.
 */
enum RequestKind {

  /** The request thread only. */
  SYNC("sync", 1),
  /** The request thread, and a task on the application's executor. */
  EXECUTOR("executor", 2),
  /** The request thread, and the four leaves of a recursive task on the application's fork-join pool. */
  FORK_JOIN("forkjoin", 5),
  /** The request thread, and the continuation given to {@code AsyncContext.start}. */
  ASYNC("async", 2),
  /** The request thread, an executor task that dispatches the request again, and the dispatched request. */
  DISPATCH("dispatch", 3),
  /** The request thread, an {@code AsyncContext.start} continuation, its executor task and its four common-pool leaves. */
  MIXED("mixed", 7);

  private static final RequestKind[] ROTATION = values();

  private final String name;
  private final int events;

  RequestKind(String name, int events) {
    this.name = name;
    this.events = events;
  }

  /**
   * @param n the request's number
   * @return the kind of request {@code n}: the kinds in turn
   */
  static RequestKind of(long n) {
    return ROTATION[(int) (n % ROTATION.length)];
  }

  /**
   * @param requests how many requests, from number 0
   * @return how many checked events they log
   */
  static long eventsOf(long requests) {
    long events = 0;
    for (RequestKind kind : ROTATION) {
      events += kind.events * (requests / ROTATION.length);
    }
    for (int n = 0; n < requests % ROTATION.length; n++) {
      events += ROTATION[n].events;
    }
    return events;
  }

  /**
   * @return the value of {@code kind=}
   */
  String parameter() {
    return name;
  }
}
