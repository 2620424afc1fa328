package io.openreplay.backend.it.log4j2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.message.Message;

/**
 * An appender that records what error trackers' Log4j 2 appenders (sentry-log4j2, Rollbar's) group by: each event's
 * level, its {@code Message}'s format (the template) and formatted message, one line each,
 * {@code LEVEL\tFORMAT\tFORMATTED}.
 */
final class MessageTemplates extends AbstractAppender {

  private final Writer out;

  private MessageTemplates(Writer out) {
    super("MessageTemplates", null, null, true, Property.EMPTY_ARRAY);
    this.out = out;
  }

  /**
   * Adds the appender to the root logger of {@code logging}'s configuration.
   *
   * @param logging the app's logger context
   * @param file where the lines go; nothing is added when {@code null}
   * @throws IOException when the file cannot be opened
   */
  static void addTo(LoggerContext logging, String file) throws IOException {
    if (file == null) {
      return;
    }
    Writer writer = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    MessageTemplates appender = new MessageTemplates(writer);
    appender.start();
    Configuration configuration = logging.getConfiguration();
    configuration.addAppender(appender);
    configuration.getRootLogger().addAppender(appender, null, null);
    logging.updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    Message message = event.getMessage();
    String line = event.getLevel() + "\t" + oneLine(message.getFormat()) + "\t"
        + oneLine(message.getFormattedMessage()) + "\n";
    synchronized (out) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replace('\t', ' ').replace('\n', ' ');
  }
}
