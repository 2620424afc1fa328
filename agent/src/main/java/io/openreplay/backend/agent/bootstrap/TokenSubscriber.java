package io.openreplay.backend.agent.bootstrap;

import io.openreplay.backend.SessionToken;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A subscriber of a value shared between requests ({@code Mono.cache()}, {@code Flux.share()}, a {@code Sinks}
 * sink) receives its signals with the token of the request that subscribed, whichever request's work produced the
 * value: the subscriber is replaced, as it subscribes, by a stand-in that keeps its token and attaches it around
 * each signal it passes on. The stand-in is a JDK proxy of the library's subscriber interface (the agent's bootstrap
 * classes know no library type): every call reaches the subscriber itself, unchanged, with the same arguments, its
 * result and its exceptions; only the thread's token differs while it runs.
 */
final class TokenSubscriber implements InvocationHandler {

  private final Object subscriber;
  private final SessionToken token;

  private TokenSubscriber(Object subscriber, SessionToken token) {
    this.subscriber = subscriber;
    this.token = token;
  }

  /**
   * The stand-in for {@code subscriber}, keeping {@code token}.
   *
   * @param subscriber the subscriber subscribing, possibly {@code null}
   * @param type the library's subscriber interface that {@code subscriber} implements and the stand-in must
   * @param token the token of the subscriber, or {@code null} for one that must receive its signals without any
   * @return the stand-in, or {@code subscriber} itself when it already is a stand-in keeping that token
   */
  static Object keeping(Object subscriber, Class<?> type, SessionToken token) {
    if (subscriber == null || !type.isInstance(subscriber)) {
      return subscriber;
    }
    if (Proxy.isProxyClass(subscriber.getClass())) {
      InvocationHandler handler = Proxy.getInvocationHandler(subscriber);
      if (handler instanceof TokenSubscriber && sameToken(((TokenSubscriber) handler).token, token)) {
        return subscriber;
      }
    }
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new TokenSubscriber(subscriber, token));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    TokenScope scope = isSignal(method) ? ContextTokens.attachOnce(token) : null;
    try {
      return method.invoke(subscriber, args);
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** {@code equals} and {@code hashCode} are the stand-in's own identity; {@code toString} the subscriber's. */
  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return subscriber.toString();
    }
  }

  private static boolean isSignal(Method method) {
    switch (method.getName()) {
      case "onSubscribe":
      case "onNext":
      case "onError":
      case "onComplete":
        return true;
      default:
        return false;
    }
  }

  private static boolean sameToken(SessionToken one, SessionToken other) {
    return one == null ? other == null : one.equals(other);
  }
}
