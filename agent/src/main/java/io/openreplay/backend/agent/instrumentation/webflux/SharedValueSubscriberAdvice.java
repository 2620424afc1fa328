package io.openreplay.backend.agent.instrumentation.webflux;

import io.openreplay.backend.agent.bootstrap.ContextTokens;
import net.bytebuddy.asm.Advice;
import reactor.core.CoreSubscriber;

/**
 * {@code subscribe}/{@code subscribeOrReturn} of Reactor's publishers whose values reach several subscribers, or a
 * subscriber other than the one whose work produced them ({@code Mono.cache()}, {@code Flux.cache()/replay()},
 * {@code publish()/share()}, {@code Mono.share()}, the {@code Sinks} and the older processors), and of those whose
 * sink any thread may feed ({@code Flux.create()}, {@code Flux.push()}, {@code Mono.create()}): the subscriber
 * subscribes as a stand-in that attaches its own request's token (that of its Reactor context, else the one current
 * as it subscribes, else none) around every signal it receives.
 */
public final class SharedValueSubscriberAdvice {

  private SharedValueSubscriberAdvice() {
  }

  /**
   * @param subscriber the subscriber subscribing, replaced by its stand-in
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings({"rawtypes", "UnusedAssignment"})
  public static void enter(@Advice.Argument(value = 0, readOnly = false) CoreSubscriber subscriber) {
    if (subscriber != null) {
      subscriber = (CoreSubscriber) ContextTokens.subscriberKeeping(subscriber, CoreSubscriber.class,
          subscriber.currentContext().getOrDefault(ContextTokens.KEY, null));
    }
  }
}
