package io.openreplay.backend.filter.core;

/**
 * The request a filter entry is serving on this thread, and its token: an entry nested in it (the filter mapped
 * twice, a forward or include, a wrapper's inner filter) finds the token here, without reading the headers again
 * and without attaching it twice. One per thread, changed by each entry and put back by its exit; it holds no
 * request once the thread's outermost entry has exited.
 */
final class ServedRequest {

  private static final ThreadLocal<ServedRequest> OF_THREAD = ThreadLocal.withInitial(ServedRequest::new);

  /** How many wrappers deep a nested entry's request is looked through for the served one. */
  private static final int MAX_WRAPPERS = 8;

  Object request;
  RequestToken token;

  static ServedRequest ofThisThread() {
    return OF_THREAD.get();
  }

  /**
   * The served request's token, when {@code entered} is the served request or wraps it.
   *
   * @param entered the request an entry is given
   * @param access how to unwrap it
   * @param <R> the request type
   * @return the token of the served request, or {@code null} when {@code entered} is another request
   */
  <R> RequestToken tokenOf(R entered, RequestAccess<R> access) {
    Object served = request;
    if (served == null) {
      return null;
    }
    R candidate = entered;
    for (int depth = 0; candidate != null && depth <= MAX_WRAPPERS; depth++) {
      if (candidate == served) {
        return token;
      }
      candidate = access.wrapped(candidate);
    }
    return null;
  }
}
