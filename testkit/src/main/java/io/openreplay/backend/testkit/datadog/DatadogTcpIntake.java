package io.openreplay.backend.testkit.datadog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Datadog's TCP log intake on 127.0.0.1, plain TCP (Datadog's own is TLS, on {@code intake.logs.datadoghq.com:10516}):
 * one log a line, {@code <API_KEY> <JSON object>}, as logstash-logback-encoder's {@code LogstashTcpSocketAppender}
 * writes it with the API key as its encoder's {@code <prefix>}. Each line is handed over as its key and the rest of
 * the line; one thread a connection, daemon threads only.
 */
final class DatadogTcpIntake implements AutoCloseable {

  private static final int MAX_LINE_CHARS = 1024 * 1024;

  private final ServerSocket server;
  private final BiConsumer<String, String> lines;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  /**
   * @param lines takes the API key and the rest of each line
   * @throws IOException when no port can be bound
   */
  DatadogTcpIntake(BiConsumer<String, String> lines) throws IOException {
    this.lines = lines;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread accept = new Thread(this::accept, "datadog-tcp-intake");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        Thread reader = new Thread(() -> read(socket), "datadog-tcp-intake-connection");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void read(Socket socket) {
    try (socket; BufferedReader in = new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_LINE_CHARS) {
          line = line.substring(0, MAX_LINE_CHARS);
        }
        int space = line.indexOf(' ');
        lines.accept(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
      }
    } catch (IOException closed) {
      // the sender went away
    } finally {
      connections.remove(socket);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
