package io.openreplay.backend.bench.jmh;

import io.openreplay.backend.filter.OpenReplayFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The jakarta {@code OpenReplayFilter} per request on a real container's request: Tomcat 10.1's own
 * {@code Request} (the facade the filters of a Tomcat application see, over Tomcat's header buffers and attribute
 * map), not started, so that only the request's methods run. Each operation serves one request through a filter
 * chain before a servlet and then recycles the request, as Tomcat does after each request; the baseline serves the same request through the same chain without the filter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TomcatRequestFilterBenchmark {

  private final OrderPageServlet servlet = new OrderPageServlet();
  private final ServletPipeline withoutFilter = new ServletPipeline(List.of(), servlet);
  private final ServletPipeline withFilter = new ServletPipeline(List.of(new OpenReplayFilter()), servlet);
  private Request tokenRequest;
  private MessageBytes tokenHeader;
  private final byte[] tokenBytes = Tokens.CONTRACT_TOKEN.getBytes(StandardCharsets.ISO_8859_1);
  private Request plainRequest;
  private HttpServletResponse response;

  /** A benchmark state; JMH makes one per thread. */
  public TomcatRequestFilterBenchmark() {
  }

  /** Makes the two requests, with and without the token header, and a response. */
  @Setup
  public void createRequests() {
    Connector connector = new Connector("HTTP/1.1");
    tokenRequest = request(connector);
    tokenHeader = tokenRequest.getCoyoteRequest().getMimeHeaders().addValue("X-OpenReplay-SessionToken");
    tokenHeader.setBytes(tokenBytes, 0, tokenBytes.length);
    plainRequest = request(connector);
    Response tomcatResponse = new Response();
    tomcatResponse.setCoyoteResponse(new org.apache.coyote.Response());
    response = tomcatResponse.getResponse();
  }

  private static Request request(Connector connector) {
    org.apache.coyote.Request coyote = new org.apache.coyote.Request();
    coyote.method().setString("GET");
    coyote.requestURI().setString("/orders/4711");
    coyote.getMimeHeaders().addValue("Host").setString("127.0.0.1:8080");
    coyote.getMimeHeaders().addValue("Accept").setString("text/html");
    coyote.getMimeHeaders().addValue("User-Agent").setString("Mozilla/5.0 (X11; Linux x86_64)");
    Request request = new Request(connector);
    request.setCoyoteRequest(coyote);
    request.setAsyncSupported(true);
    return request;
  }

  /**
   * The baseline: the request through the chain without the filter.
   *
   * @return the response
   * @throws IOException never
   * @throws ServletException never
   */
  @Benchmark
  public HttpServletResponse chainWithoutFilter() throws IOException, ServletException {
    return serve(withoutFilter, tokenRequest);
  }

  /**
   * A request with the contract's token in {@code X-OpenReplay-SessionToken} through the filter.
   *
   * @return the response
   * @throws IOException never
   * @throws ServletException never
   */
  @Benchmark
  public HttpServletResponse filterWithToken() throws IOException, ServletException {
    return serve(withFilter, tokenRequest);
  }

  /**
   * A request without any OpenReplay header through the filter.
   *
   * @return the response
   * @throws IOException never
   * @throws ServletException never
   */
  @Benchmark
  public HttpServletResponse filterWithoutToken() throws IOException, ServletException {
    return serve(withFilter, plainRequest);
  }

  /**
   * One {@code getHeaders} of the token header on Tomcat's request, the filter's first read, which makes the
   * header's {@code String} from its bytes as on a new request.
   *
   * @return the header's value
   */
  @Benchmark
  public String tokenHeaderLookup() {
    tokenHeader.setBytes(tokenBytes, 0, tokenBytes.length);
    Enumeration<String> values = tokenRequest.getRequest().getHeaders("X-OpenReplay-SessionToken");
    return values.hasMoreElements() ? values.nextElement() : null;
  }

  private HttpServletResponse serve(ServletPipeline pipeline, Request request) throws IOException, ServletException {
    pipeline.serve(request.getRequest(), response);
    request.recycle();
    request.setAsyncSupported(true);
    // as a new request: Tomcat keeps the header's bytes and makes its String on the first read
    tokenHeader.setBytes(tokenBytes, 0, tokenBytes.length);
    return response;
  }
}
