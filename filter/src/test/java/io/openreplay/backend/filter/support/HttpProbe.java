package io.openreplay.backend.filter.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Plain HTTP/1.1 over a socket to 127.0.0.1, so that any header bytes can be sent. */
public final class HttpProbe {

  /** Status line and body of a response. */
  public record Reply(String status, String body) {
  }

  private HttpProbe() {
  }

  /**
   * Sends one GET with the headers given as (name, raw bytes of the value) pairs, and reads the whole response.
   */
  public static Reply get(int port, String pathAndQuery, List<Map.Entry<String, byte[]>> headers) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      for (Map.Entry<String, byte[]> header : headers) {
        request.writeBytes((header.getKey() + ": ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(header.getValue());
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int lineEnd = response.indexOf("\r\n");
      int bodyStart = response.indexOf("\r\n\r\n");
      String status = lineEnd < 0 ? response : response.substring(0, lineEnd);
      String body = bodyStart < 0 ? "" : response.substring(bodyStart + 4);
      return new Reply(status, body);
    }
  }
}
