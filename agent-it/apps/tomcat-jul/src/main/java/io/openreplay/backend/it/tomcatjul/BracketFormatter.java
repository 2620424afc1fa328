package io.openreplay.backend.it.tomcatjul;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** An application's own formatter: {@code [LEVEL] message} and the exception's class and message, one line. */
public final class BracketFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    Throwable thrown = record.getThrown();
    return "[" + record.getLevel() + "] " + formatMessage(record) + (thrown == null ? "" : " ! " + thrown)
        + System.lineSeparator();
  }
}
