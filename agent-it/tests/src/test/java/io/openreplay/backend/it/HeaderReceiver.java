package io.openreplay.backend.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server on 127.0.0.1 standing for another service: {@code /echo?QUERY} records the values of one
 * header it received under the query, and answers them, one per header line, joined by {@code |}.
 */
final class HeaderReceiver implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, List<String>> received = new ConcurrentHashMap<>();

  /**
   * @param header the header recorded
   */
  HeaderReceiver(String header) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/echo", exchange -> {
      List<String> values = exchange.getRequestHeaders().getOrDefault(header, List.of());
      String query = exchange.getRequestURI().getQuery();
      received.put(query == null ? "" : query, List.copyOf(values));
      byte[] body = String.join("|", values).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The URL of {@code /echo?query} on this receiver. */
  String echo(String query) {
    return "http://127.0.0.1:" + port() + "/echo?" + query;
  }

  /** The header values of the request received with {@code query}, or {@code null} when none was received. */
  List<String> received(String query) {
    return received.get(query);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
