package io.openreplay.backend.agent.instrumentation.log4j2;

import io.openreplay.backend.agent.bootstrap.MessageFieldPrefix;
import net.bytebuddy.asm.Advice;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * {@code MessageSerializer.serialize(Message, JsonGenerator, SerializerProvider)} of log4j-core's Jackson layouts,
 * which writes an event's message as a string ({@code message} of {@code JsonLayout} and {@code YamlLayout},
 * {@code Message} of {@code XmlLayout}): within a layout pass that holds a prefix ({@link JacksonLayoutPassAdvice}),
 * the serializer writes the prefix and the formatted message in its place, once per pass (a message that formats to
 * {@code null} is written as it is). Only the serializer's own argument is replaced: the event keeps its
 * {@code Message}. A message written as a JSON object ({@code objectMessageAsJsonObject}) goes through another
 * serializer and is left alone.
 */
public final class JacksonMessageAdvice {

  private JacksonMessageAdvice() {
  }

  /**
   * @param message the message to write, replaced by one with the prefix
   */
  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static void enter(@Advice.Argument(value = 0, readOnly = false) Message message) {
    if (message == null) {
      return;
    }
    String prefix = MessageFieldPrefix.take();
    String text = prefix == null ? null : message.getFormattedMessage();
    if (text != null) {
      message = new SimpleMessage(prefix + text);
    }
  }
}
