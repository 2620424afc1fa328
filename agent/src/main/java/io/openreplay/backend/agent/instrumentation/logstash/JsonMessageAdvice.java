package io.openreplay.backend.agent.instrumentation.logstash;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openreplay.backend.agent.bootstrap.JsonStringField;
import io.openreplay.backend.agent.bootstrap.RenderedPrefix;
import java.util.regex.Pattern;
import net.bytebuddy.asm.Advice;
import net.logstash.logback.composite.AbstractFieldJsonProvider;

/**
 * {@code MessageJsonProvider.writeTo(JsonGenerator, ILoggingEvent)} of logstash-logback-encoder 7 to 9 (Jackson 2
 * or 3): the {@code message} field of an event that carries a token, when the prefix mode selects it, is written
 * here with the prefix, and the provider's own write is skipped. A provider that splits messages into arrays
 * ({@code messageSplitRegex}) is left alone.
 */
public final class JsonMessageAdvice {

  private JsonMessageAdvice() {
  }

  /**
   * @param provider the message provider
   * @param generator where the field is written, a Jackson 2 or Jackson 3 generator
   * @param event the event
   * @param split the provider's split pattern, {@code null} unless configured
   * @return whether the field was written here, so that the provider's own write is skipped
   * @throws Throwable the generator's failure, which the provider's own write would have met too
   */
  @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
  public static boolean enter(@Advice.This AbstractFieldJsonProvider<?> provider,
      @Advice.Argument(0) Object generator, @Advice.Argument(1) ILoggingEvent event,
      @Advice.FieldValue("messageSplitPattern") Pattern split) throws Throwable {
    if (split != null || event == null || !JsonStringField.canWrite(generator)) {
      return false;
    }
    Level level = event.getLevel();
    String text = RenderedPrefix.messageField(provider.getFieldName(), event.getFormattedMessage(),
        event.getMDCPropertyMap(), level != null && level.toInt() >= Level.ERROR_INT);
    if (text == null) {
      return false;
    }
    JsonStringField.write(generator, provider.getFieldName(), text);
    return true;
  }
}
