package io.openreplay.backend.bench.soak;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection to 127.0.0.1, over a plain socket: a {@code GET} is written, its answer read
 * (a {@code Content-Length} or chunked body), and the connection used again for the next one. Nothing is ever sent
 * twice: a connection that breaks fails the request on it, and the next request opens a new one. (The JDK's
 * {@code HttpClient} sends a {@code GET} again by itself when its connection closes before the answer, which made the
 * application serve a few requests twice.)
 */
final class KeptAliveConnection implements AutoCloseable {

  private static final int TIMEOUT_MILLIS = 60_000;

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /**
   * @param port the application's port on 127.0.0.1
   */
  KeptAliveConnection(int port) {
    this.port = port;
  }

  /**
   * Sends a {@code GET} and reads its answer.
   *
   * @param target the path and query
   * @param headers the request's headers
   * @return the answer
   * @throws IOException when the connection breaks or the answer is not HTTP/1.1; the connection is closed then
   */
  Answer get(String target, Map<String, String> headers) throws IOException {
    try {
      if (socket == null) {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
      }
      StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
          .append(port).append("\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read();
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  private Answer read() throws IOException {
    String statusLine = line();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: '" + statusLine + "'");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closing = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        copy(size, body);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      copy(length, body);
    } else {
      throw new IOException("an answer with neither Content-Length nor chunks");
    }
    if (closing) {
      close();
    }
    return new Answer(status, body.toString(StandardCharsets.UTF_8));
  }

  private void copy(long size, ByteArrayOutputStream body) throws IOException {
    for (long i = 0; i < size; i++) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed within an answer's body");
      }
      body.write(b);
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed before the answer ended");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }

  /**
   * An answer.
   *
   * @param status its status code
   * @param body its body, as text
   */
  record Answer(int status, String body) {
  }
}
