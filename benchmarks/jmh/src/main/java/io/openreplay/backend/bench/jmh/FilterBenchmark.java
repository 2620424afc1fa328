package io.openreplay.backend.bench.jmh;

import io.openreplay.backend.filter.OpenReplayFilter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The jakarta {@link OpenReplayFilter} per request: a request through a chain with the filter in front of a servlet,
 * against the same request through the same chain without the filter. The request is spring-test's in-memory
 * {@link MockHttpServletRequest} (asynchronous support on, as Spring Boot registers its filters); its attributes are
 * cleared after each request, as a container recycles them, in the baseline too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {

  private final OrderPageServlet servlet = new OrderPageServlet();
  private final ServletPipeline withoutFilter = new ServletPipeline(List.of(), servlet);
  private final ServletPipeline withFilter = new ServletPipeline(List.of(new OpenReplayFilter()), servlet);
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private MockHttpServletRequest tokenRequest;
  private MockHttpServletRequest plainRequest;

  /** Creates the benchmark's state; JMH calls this. */
  public FilterBenchmark() {
  }

  /** Builds the two requests: one carrying the contract's token, one without any OpenReplay header. */
  @Setup
  public void createRequests() {
    tokenRequest = request();
    tokenRequest.addHeader("X-OpenReplay-SessionToken", Tokens.CONTRACT_TOKEN);
    plainRequest = request();
  }

  private static MockHttpServletRequest request() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/4711");
    request.setAsyncSupported(true);
    request.addHeader("Accept", "text/html");
    request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
    return request;
  }

  /**
   * The baseline: the request with a token through the chain without the filter.
   *
   * @return the response, with its status set
   * @throws IOException never, here
   * @throws ServletException never, here
   */
  @Benchmark
  public MockHttpServletResponse chainWithoutFilter() throws IOException, ServletException {
    withoutFilter.serve(tokenRequest, response);
    tokenRequest.clearAttributes();
    return response;
  }

  /**
   * The request with a valid token through the filter: header read and validated, token attached to the thread and
   * the MDC, request wrapped for asynchronous hand-over, everything removed again.
   *
   * @return the response, with its status set
   * @throws IOException never, here
   * @throws ServletException never, here
   */
  @Benchmark
  public MockHttpServletResponse filterWithToken() throws IOException, ServletException {
    withFilter.serve(tokenRequest, response);
    tokenRequest.clearAttributes();
    return response;
  }

  /**
   * Not the filter: the one header lookup it makes for the request with a token ({@code getHeaders} of the first
   * header name, which holds the token), on the same in-memory request, to tell how much of the filter's cost is the
   * request implementation's. Containers differ here; Tomcat also makes a new enumeration per call.
   *
   * @return the header's first value
   */
  @Benchmark
  public String tokenHeaderLookup() {
    Enumeration<String> values = tokenRequest.getHeaders("X-OpenReplay-SessionToken");
    return values.hasMoreElements() ? values.nextElement() : null;
  }

  /**
   * A request without any OpenReplay header through the filter: the headers are looked for, nothing is attached.
   *
   * @return the response, with its status set
   * @throws IOException never, here
   * @throws ServletException never, here
   */
  @Benchmark
  public MockHttpServletResponse filterWithoutToken() throws IOException, ServletException {
    withFilter.serve(plainRequest, response);
    plainRequest.clearAttributes();
    return response;
  }
}
