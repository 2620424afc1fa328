package io.openreplay.backend.bench.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The requests the benchmark sends to the clinic, one at a time over one kept-alive HTTP/1.1 connection to
 * 127.0.0.1, each carrying the session token in {@code X-OpenReplay-SessionToken}. Every answer's status is checked:
 * a clinic that answers wrongly fails the run instead of being measured.
 */
final class ClinicTraffic {

  /** The header the OpenReplay tracker sends. */
  static final String TOKEN_HEADER = "X-OpenReplay-SessionToken";

  private static final int OWNERS = 60;
  private static final int ORDERS = 120;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** What a user does on the clinic's pages, in turn; the {@code int} varies the owner or order. */
  private final List<PageVisit> pages = List.of(
      new PageVisit(n -> get("/"), 200),
      new PageVisit(n -> get("/owners?lastName="), 200),
      new PageVisit(n -> get("/owners?lastName=" + "BDGHJLMRSTW".charAt(n % 11)), 200),
      new PageVisit(n -> get("/owners/" + owner(n)), 200),
      new PageVisit(n -> get("/vets"), 200),
      new PageVisit(n -> get("/orders/" + order(n)), 200),
      new PageVisit(n -> get("/owners/new"), 200),
      new PageVisit(n -> post("/owners/new", "firstName=&lastName=Novak&address=12+Oak+Street&city=Riverside"
          + "&telephone=12345"), 200),
      new PageVisit(n -> get("/owners/" + owner(n) + "/edit"), 200),
      new PageVisit(n -> post("/owners/" + owner(n) + "/edit", "firstName=Jean&lastName=Novak"
          + "&address=" + (n % 900 + 1) + "+Oak+Street&city=Riverside&telephone=60" + (10_000_000 + n % 90_000_000)),
          302),
      new PageVisit(n -> get("/owners/" + owner(n) + "/pets/new"), 200),
      new PageVisit(n -> get("/owners/1/pets/1/visits/new"), 200));

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String token;
  private URI base;

  /**
   * @param token the value of {@value #TOKEN_HEADER} on every request, or {@code null} for requests without it
   */
  ClinicTraffic(String token) {
    this.token = token;
  }

  /**
   * @param port the clinic's port on 127.0.0.1
   */
  void target(int port) {
    base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * The home page, which must answer 200.
   *
   * @throws IOException when it does not
   * @throws InterruptedException when interrupted
   */
  void homePage() throws IOException, InterruptedException {
    send(get("/"), 200);
  }

  /**
   * One of the pages in turn: lists, details, forms, a form refused by validation, an edit that is saved.
   *
   * @param n the request's number; picks the page and the owner or order on it
   * @throws IOException when the clinic answers with another status than the page's
   * @throws InterruptedException when interrupted
   */
  void page(int n) throws IOException, InterruptedException {
    PageVisit visit = pages.get(n % pages.size());
    send(visit.request().apply(n / pages.size()), visit.expectedStatus());
  }

  /**
   * Pays an order: the clinic logs {@code payment failed for order N} at ERROR with the stack trace and answers 500.
   *
   * @param n picks the order
   * @throws IOException when the clinic answers with another status than 500
   * @throws InterruptedException when interrupted
   */
  void loggedError(int n) throws IOException, InterruptedException {
    send(post("/orders/" + order(n) + "/payment", ""), 500);
  }

  /**
   * Asks for the receipt of an unpaid order: the clinic's code throws, uncaught, and the error page answers 500.
   *
   * @param n picks the order
   * @throws IOException when the clinic answers with another status than 500
   * @throws InterruptedException when interrupted
   */
  void uncaughtError(int n) throws IOException, InterruptedException {
    send(get("/orders/" + order(n) + "/receipt"), 500);
  }

  private static int owner(int n) {
    return n % OWNERS + 1;
  }

  private static int order(int n) {
    return n % ORDERS + 1;
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder post(String path, String form) {
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    return token == null ? request : request.header(TOKEN_HEADER, token);
  }

  private void send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
    HttpRequest built = request.build();
    HttpResponse<Void> response = client.send(built, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != expectedStatus) {
      throw new IOException(built.method() + " " + built.uri().getRawPath() + " answered " + response.statusCode()
          + ", expected " + expectedStatus);
    }
  }

  /** A page and the status it answers with. */
  private record PageVisit(IntFunction<HttpRequest.Builder> request, int expectedStatus) {
  }
}
