package io.openreplay.backend.it.jbosslogmanager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;

/** Writes each record's own level, message and the MDC copy it carries, unformatted, one line each. */
public final class MdcRecordHandler extends ExtHandler {

  private final Writer out;

  /**
   * @param file where the lines go
   * @throws IOException when it cannot be opened
   */
  public MdcRecordHandler(Path file) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  @Override
  protected synchronized void doPublish(ExtLogRecord record) {
    try {
      Map<String, String> mdc = new TreeMap<>(record.getMdcCopy());
      out.write("RECORD " + record.getLevel() + " | " + record.getMessage() + " | " + mdc + System.lineSeparator());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
