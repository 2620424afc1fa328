package io.openreplay.backend.agent.instrumentation.log4j2;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.ContextDataToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.util.StringMap;

/**
 * {@code injectContextData(properties, reusable)} of Log4j's own context data injectors, through which every log
 * event gets its context data (the thread context) as it is made, on the logging thread: by the event factories
 * ({@code Log4jLogEvent}, the reusable {@code MutableLogEvent}) and by async loggers as they fill the ring buffer's
 * event. While a token is current, the data returned gets both keys, so that the event carries them to every
 * appender and layout, asynchronous ones included.
 *
 * <p>The data returned is changed in place only when it is the event's own reusable map and not frozen; otherwise
 * (the thread context's own copy-on-write map, a frozen copy) a copy with the keys takes its place, frozen when the
 * original was. The thread context itself is never written.
 */
public final class ContextDataAdvice {

  private ContextDataAdvice() {
  }

  /**
   * @param reusable the event's own map, possibly {@code null}
   * @param data the context data the injector returns, with the keys while a token is current
   */
  @Advice.OnMethodExit(suppress = Throwable.class)
  public static void exit(@Advice.Argument(1) StringMap reusable,
      @Advice.Return(readOnly = false) StringMap data) {
    SessionToken token = CurrentToken.get();
    if (token == null) {
      return;
    }
    Object tokenValue = data == null ? null : data.getValue(SessionToken.TOKEN_KEY);
    Object idValue = data == null ? null : data.getValue(SessionToken.SESSION_ID_KEY);
    if (ContextDataToken.describes(tokenValue, idValue, token)) {
      return;
    }
    StringMap target = data;
    boolean frozen = data != null && data.isFrozen();
    if (data == null || data != reusable || frozen) {
      target = ContextDataFactory.createContextData(data == null ? 2 : data.size() + 2);
      if (data != null) {
        target.putAll(data);
      }
    }
    String[] keys = {SessionToken.TOKEN_KEY, SessionToken.SESSION_ID_KEY};
    for (String key : keys) {
      String value = TokenKeys.valueOf(token, key);
      if (value != null) {
        target.putValue(key, value);
      } else if (target.getValue(key) != null) {
        target.remove(key);
      }
    }
    if (frozen) {
      target.freeze();
    }
    data = target;
  }
}
