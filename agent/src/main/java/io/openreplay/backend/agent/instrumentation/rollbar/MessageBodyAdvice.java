package io.openreplay.backend.agent.instrumentation.rollbar;

import io.openreplay.backend.SessionToken;
import io.openreplay.backend.agent.bootstrap.CurrentToken;
import io.openreplay.backend.agent.bootstrap.TokenKeys;
import java.util.Map;
import net.bytebuddy.asm.Advice;

/**
 * {@code Message.Builder.build()}: a message body built while a token is current gets the keys in its metadata,
 * which Rollbar serialises beside the text, as {@code data.body.message.openReplaySessionToken}.
 */
public final class MessageBodyAdvice {

  private MessageBodyAdvice() {
  }

  /**
   * @param metadata the builder's metadata field, replaced by a copy with the keys
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.FieldValue(value = "metadata", readOnly = false) Map<String, Object> metadata) {
    SessionToken token = CurrentToken.get();
    if (token != null) {
      metadata = TokenKeys.withKeysAsObjects(metadata, token);
    }
  }
}
