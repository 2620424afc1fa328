package io.openreplay.backend.log4j2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * A Log4j 2 configuration read from {@code log4j2.xml} text, as Log4j reads a user's file, in a logger context of its
 * own; closing it stops the context, which flushes and closes every appender. Log4j's status messages at WARN and
 * above are collected while it is open.
 */
public final class XmlLog4j implements AutoCloseable {

  private final LoggerContext context;
  private final Statuses statuses = new Statuses();

  private XmlLog4j(String xml, String name) throws IOException {
    StatusLogger.getLogger().registerListener(statuses);
    context = new LoggerContext(name);
    ConfigurationSource source =
        new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    context.start(new XmlConfiguration(context, source));
  }

  /**
   * @param xml the configuration, as a {@code log4j2.xml} file holds it
   * @return the started configuration
   * @throws IOException never for text in memory
   */
  public static XmlLog4j configure(String xml) throws IOException {
    return new XmlLog4j(xml, "test-" + System.nanoTime());
  }

  /**
   * @param name a logger's name
   * @return the logger of this context
   */
  public Logger logger(String name) {
    return context.getLogger(name);
  }

  /**
   * @return the status messages at WARN and above logged since this configuration was made
   */
  public List<String> warnings() {
    synchronized (statuses.messages) {
      return List.copyOf(statuses.messages);
    }
  }

  @Override
  public void close() {
    context.stop(10, TimeUnit.SECONDS);
    StatusLogger.getLogger().removeListener(statuses);
  }

  /** Collects status messages. */
  private static final class Statuses implements StatusListener {
    final List<String> messages = new ArrayList<>();

    @Override
    public void log(StatusData data) {
      synchronized (messages) {
        messages.add(data.getLevel() + " " + data.getMessage().getFormattedMessage());
      }
    }

    @Override
    public Level getStatusLevel() {
      return Level.WARN;
    }

    @Override
    public void close() {
    }
  }
}
