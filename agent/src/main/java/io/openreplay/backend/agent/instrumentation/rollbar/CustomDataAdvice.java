package io.openreplay.backend.agent.instrumentation.rollbar;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code RollbarBase.buildData(config, error, custom, description, level, isUncaught)}: the item's custom data
 * gets the token's keys (the caller's map is copied, never changed).
 */
public final class CustomDataAdvice {

  private CustomDataAdvice() {
  }

  /**
   * @param custom the custom data argument, replaced by a copy with the keys
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 2, readOnly = false) Map<String, Object> custom) {
    SessionToken token = CurrentToken.get();
    if (token != null) {
      custom = TokenKeys.withKeysAsObjects(custom, token);
    }
  }
}
