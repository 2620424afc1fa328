package io.openreplay.backend.it.tomcatjul;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each record's own level, message and parameters, unformatted, and what else {@code more} reads of the
 * record, one line each.
 */
public final class RecordMessageHandler extends Handler {

  private final Writer out;
  private final Function<LogRecord, String> more;

  /**
   * @param file where the lines go
   * @param more what else of a record the line ends with, for instance its MDC
   * @throws IOException when it cannot be opened
   */
  public RecordMessageHandler(Path file, Function<LogRecord, String> more) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.more = more;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    try {
      out.write("RECORD " + record.getLevel() + " | " + record.getMessage() + " | "
          + Arrays.toString(record.getParameters()) + more.apply(record) + System.lineSeparator());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() {
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
