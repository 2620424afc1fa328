package io.openreplay.backend.it.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP clients the application calls other services with, each used the plain way, one GET each (of a URL taken
 * as it is, never as a template). Every client can also send the session token header with a value the application
 * sets itself.
 */
final class Clients {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient javaHttpClient = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final HttpClient javaHttpClientFollowing =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final CloseableHttpClient apacheClassic = HttpClients.createDefault();
  private final CloseableHttpAsyncClient apacheAsync = HttpAsyncClients.createDefault();
  private final OkHttpClient okHttp = new OkHttpClient.Builder().callTimeout(TIMEOUT).build();
  private final RestTemplate restTemplate = new RestTemplate(new SimpleClientHttpRequestFactory());
  private final RestTemplate restTemplateApache = new RestTemplate(new HttpComponentsClientHttpRequestFactory());
  private final RestClient restClientJdk =
      RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
  private final RestClient restClient = RestClient.create();
  private final WebClient webClient = WebClient.create();

  Clients() {
    apacheAsync.start();
  }

  /**
   * @param client the client's name
   * @param url the URL to GET
   * @param preset a value of the session token header to send, or {@code null}
   * @return the answer's body
   */
  String call(String client, String url, String preset) throws Exception {
    return switch (client) {
      case "java-http-client" -> javaHttpClient(javaHttpClient, url, preset);
      case "java-http-client-following" -> javaHttpClient(javaHttpClientFollowing, url, preset);
      case "url-connection" -> urlConnection(url, preset);
      case "apache-classic" -> apacheClassic(url, preset);
      case "apache-async" -> apacheAsync(url, preset);
      case "okhttp" -> okHttp(url, preset);
      case "okhttp-async" -> okHttpAsync(url, preset);
      case "rest-template" ->
          restTemplate.exchange(URI.create(url), HttpMethod.GET, entity(preset), String.class).getBody();
      case "rest-template-apache" ->
          restTemplateApache.exchange(URI.create(url), HttpMethod.GET, entity(preset), String.class).getBody();
      case "rest-client" -> restClient(restClient, url, preset);
      case "rest-client-jdk" -> restClient(restClientJdk, url, preset);
      case "web-client" -> webClient.get().uri(URI.create(url))
          .headers(headers -> preset(headers, preset))
          .retrieve().bodyToMono(String.class).defaultIfEmpty("").block(TIMEOUT);
      default -> throw new IllegalArgumentException("no client " + client);
    };
  }

  private static String javaHttpClient(HttpClient client, String url, String preset)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
    if (preset != null) {
      request.header(OutboundApp.HEADER, preset);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String urlConnection(String url, String preset) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout((int) TIMEOUT.toMillis());
    connection.setReadTimeout((int) TIMEOUT.toMillis());
    if (preset != null) {
      connection.setRequestProperty(OutboundApp.HEADER, preset);
    }
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String apacheClassic(String url, String preset) throws IOException {
    HttpGet get = new HttpGet(url);
    if (preset != null) {
      get.addHeader(OutboundApp.HEADER, preset);
    }
    return apacheClassic.execute(get, response -> EntityUtils.toString(response.getEntity()));
  }

  private String apacheAsync(String url, String preset) throws Exception {
    SimpleRequestBuilder get = SimpleRequestBuilder.get(url);
    if (preset != null) {
      get.addHeader(OutboundApp.HEADER, preset);
    }
    SimpleHttpResponse response = apacheAsync.execute(get.build(), null).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return response.getBodyText() == null ? "" : response.getBodyText();
  }

  private Request okHttpRequest(String url, String preset) {
    Request.Builder request = new Request.Builder().url(url);
    if (preset != null) {
      request.header(OutboundApp.HEADER, preset);
    }
    return request.build();
  }

  private String okHttp(String url, String preset) throws IOException {
    try (Response response = okHttp.newCall(okHttpRequest(url, preset)).execute()) {
      return response.body().string();
    }
  }

  private String okHttpAsync(String url, String preset) throws Exception {
    CompletableFuture<String> body = new CompletableFuture<>();
    okHttp.newCall(okHttpRequest(url, preset)).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        body.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) throws IOException {
        try (response) {
          body.complete(response.body().string());
        }
      }
    });
    return body.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private static String restClient(RestClient client, String url, String preset) {
    String body = client.get().uri(URI.create(url)).headers(headers -> preset(headers, preset))
        .retrieve().body(String.class);
    return body == null ? "" : body;
  }

  private static org.springframework.http.HttpEntity<Void> entity(String preset) {
    HttpHeaders headers = new HttpHeaders();
    preset(headers, preset);
    return new org.springframework.http.HttpEntity<>(headers);
  }

  private static void preset(HttpHeaders headers, String preset) {
    if (preset != null) {
      headers.set(OutboundApp.HEADER, preset);
    }
  }
}
