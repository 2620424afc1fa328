package io.openreplay.backend.agent.instrumentation.webflux;

import io.openreplay.backend.agent.bootstrap.ContextTokens;
import io.openreplay.backend.agent.bootstrap.TokenScope;
import net.bytebuddy.asm.Advice;
import reactor.core.CoreSubscriber;
import reactor.netty.ConnectionObserver;
import reactor.util.context.ContextView;

/**
 * A method of Reactor Netty through which a signal reaches subscribers on the event loop (a request's parts on the
 * server, an answer's head, parts, end or failure on the client) runs with the token of the Reactor context of the
 * object it belongs to, the request's operations or an outbound call's observer (whose context is that of the
 * request that made the call), or none, and the thread gets back what it had when it returns.
 */
public final class ContextTokenAdvice {

  private ContextTokenAdvice() {
  }

  /**
   * @param self the operations or the observer ({@code HttpClientOperations} and {@code HttpServerOperations} are
   *     not public: typed as {@code Object})
   * @return the scope opened, or {@code null} when the thread already had that token
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static TokenScope enter(@Advice.This Object self) {
    ContextView context = self instanceof CoreSubscriber ? ((CoreSubscriber<?>) self).currentContext()
        : self instanceof ConnectionObserver ? ((ConnectionObserver) self).currentContext() : null;
    return context == null ? null : ContextTokens.attachOf(context.getOrDefault(ContextTokens.KEY, null));
  }

  /**
   * @param scope what {@link #enter(Object)} attached
   */
  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  public static void exit(@Advice.Enter TokenScope scope) {
    if (scope != null) {
      scope.close();
    }
  }
}
