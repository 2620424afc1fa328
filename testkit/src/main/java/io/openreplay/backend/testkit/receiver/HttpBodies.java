package io.openreplay.backend.testkit.receiver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Reading a request's body and writing the answer, the way the loopback receivers do it. */
public final class HttpBodies {

  private HttpBodies() {
  }

  /**
   * The request body as the sender meant it: plain (no {@code Content-Encoding}, or {@code identity}) or gunzipped
   * ({@code gzip}).
   *
   * @param exchange the request
   * @return the decoded body, for the caller to close
   * @throws IOException when the body uses another encoding, or the gzip header cannot be read
   */
  public static InputStream decodedRequestBody(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream body = exchange.getRequestBody();
    if (encoding == null || encoding.isEmpty() || "identity".equalsIgnoreCase(encoding)) {
      return body;
    }
    if ("gzip".equalsIgnoreCase(encoding)) {
      return new GZIPInputStream(body);
    }
    throw new IOException("unknown Content-Encoding " + encoding);
  }

  /**
   * Answers with a status and a UTF-8 body of the given type; headers set before stay.
   *
   * @param exchange the request
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} of the body, e.g. {@code application/json}
   * @param body the body
   * @throws IOException when the answer cannot be written
   */
  public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
