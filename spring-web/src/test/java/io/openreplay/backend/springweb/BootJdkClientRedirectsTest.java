package io.openreplay.backend.springweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.OutboundPropagationCheck;
import io.openreplay.backend.testkit.outbound.ReceivedCall;
import io.openreplay.backend.testkit.outbound.RedirectPropagationCheck;
import io.openreplay.backend.testkit.outbound.RedirectingClient;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
import java.lang.reflect.Field;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Boot 3.5.7's builders in an application without Apache HttpClient 5, Jetty or Reactor Netty, so on Spring
 * Boot's java.net.http client, which follows redirects by default: with a list, each hop is judged on its own (the
 * token to the listed hops, none to the others) and everything else is as without OpenReplay
 * ({@code openreplay.propagation.enabled=false}): the hops, their methods and bodies, the final answer, the JDK's
 * redirect limit and failures; with an empty list, Spring Boot's client is left as it is.
 */
class BootJdkClientRedirectsTest {

  private static final String TOKEN = OutboundPropagationCheck.TOKEN;

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void restClientGetsTheTokenOnTheListedHopsOnly() throws Exception {
    RedirectPropagationCheck.run(hosts -> {
      RestClient client = start(hosts).getBean(RestClient.Builder.class).build();
      return url -> answer(client.get().uri(url).retrieve().toEntity(String.class));
    });
  }

  @Test
  void restTemplateGetsTheTokenOnTheListedHopsOnly() throws Exception {
    RedirectPropagationCheck.run(hosts -> {
      RestTemplate restTemplate = start(hosts).getBean(RestTemplateBuilder.class).build();
      return url -> answer(restTemplate.getForEntity(url, String.class));
    });
  }

  @Test
  void aPostRedirectedBy301Or302Or303GoesOnAsGetWithoutItsBody() throws Exception {
    for (int status : new int[] {301, 302, 303}) {
      assertEquals(List.of("listed POST payload", "listed GET ", "off the list GET "),
          hopsAfter(status, HttpMethod.POST), "after " + status);
    }
    assertEquals(List.of("listed PUT payload", "listed GET ", "off the list GET "), hopsAfter(303, HttpMethod.PUT));
    assertEquals(List.of("listed PUT payload", "listed PUT payload", "off the list PUT payload"),
        hopsAfter(301, HttpMethod.PUT));
  }

  @Test
  void a307Or308KeepsTheMethodAndTheBody() throws Exception {
    for (int status : new int[] {307, 308}) {
      assertEquals(List.of("listed POST payload", "listed POST payload", "off the list GET "),
          hopsAfter(status, HttpMethod.POST), "after " + status);
    }
  }

  @Test
  void theJdksLimitEndsTheHopsWithTheSameAnswer() throws Exception {
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start()) {
      for (int hop = 0; hop < 8; hop++) {
        listed.redirect("/loop/" + hop, "/loop/" + (hop + 1), 302);
      }
      RestClient without = start(null).getBean(RestClient.Builder.class).build();
      RestClient with = start(OutboundHosts.of("127.0.0.1:" + listed.port())).getBean(RestClient.Builder.class).build();
      String answerWithout = answer(without.get().uri(listed.url("127.0.0.1", "/loop/0")).retrieve()
          .toEntity(String.class));
      int callsWithout = listed.calls().size();
      String answerWith;
      try (ContextScope scope = attachToken()) {
        answerWith = answer(with.get().uri(listed.url("127.0.0.1", "/loop/0")).retrieve().toEntity(String.class));
      }
      assertEquals("302 FOUND /loop/5 null", answerWithout, "the JDK gives the redirect after its fourth as it is");
      assertEquals(answerWithout, answerWith);
      List<ReceivedCall> callsWith = listed.calls().subList(callsWithout, listed.calls().size());
      assertEquals(listed.calls().subList(0, callsWithout).stream().map(ReceivedCall::path).toList(),
          callsWith.stream().map(ReceivedCall::path).toList(), "the same hops");
      assertEquals(List.of(TOKEN, TOKEN, TOKEN, TOKEN, TOKEN),
          callsWith.stream().map(ReceivedCall::token).toList(), "the token on each listed hop");
    }
  }

  @Test
  void aRedirectWithoutLocationFailsAsTheJdkMakesItFail() throws Exception {
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start()) {
      listed.redirect("/nowhere", null, 302);
      RestClient without = start(null).getBean(RestClient.Builder.class).build();
      RestClient with = start(OutboundHosts.of("127.0.0.1:" + listed.port())).getBean(RestClient.Builder.class).build();
      String url = listed.url("127.0.0.1", "/nowhere");
      Exception failureWithout = assertThrows(Exception.class, () -> without.get().uri(url).retrieve().toBodilessEntity());
      Exception failureWith;
      try (ContextScope scope = attachToken()) {
        failureWith = assertThrows(Exception.class, () -> with.get().uri(url).retrieve().toBodilessEntity());
      }
      assertEquals(failure(failureWithout), failure(failureWith));
    }
  }

  @Test
  void anApplicationsOwnPolicyStays() throws Exception {
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start()) {
      listed.redirect("/start", "/landing", 302);
      RestClient with = start(OutboundHosts.of("127.0.0.1:" + listed.port()), NeverFollow.class)
          .getBean(RestClient.Builder.class).build();
      try (ContextScope scope = attachToken()) {
        assertEquals("302 FOUND /landing null",
            answer(with.get().uri(listed.url("127.0.0.1", "/start")).retrieve().toEntity(String.class)));
      }
      assertEquals(List.of("/start"), listed.calls().stream().map(ReceivedCall::path).toList());
    }
  }

  @Test
  void anApplicationsAlwaysPolicyIsFollowed() {
    ConfigurableApplicationContext context = start(OutboundHosts.of("127.0.0.1:1"), AlwaysFollow.class);
    ClientHttpRequestFactory factory = context.getBean(ClientHttpRequestFactoryBuilder.class)
        .build(context.getBean(ClientHttpRequestFactorySettings.class));
    assertEquals(HttpClient.Redirect.ALWAYS, assertInstanceOf(JdkRedirectHopsRequestFactory.class, factory).policy());
  }

  @Test
  void withAnEmptyListBootsClientIsLeftAsItIs() throws Exception {
    ConfigurableApplicationContext without = start(null);
    ConfigurableApplicationContext empty = start(OutboundHosts.NONE);
    assertInstanceOf(JdkClientHttpRequestFactoryBuilder.class, without.getBean(ClientHttpRequestFactoryBuilder.class),
        "Spring Boot's choice without Apache HttpClient 5, Jetty and Reactor Netty");
    assertInstanceOf(JdkClientHttpRequestFactoryBuilder.class, empty.getBean(ClientHttpRequestFactoryBuilder.class));
    assertEquals(HttpClient.Redirect.NORMAL, redirectPolicy(without));
    assertEquals(redirectPolicy(without), redirectPolicy(empty));
    assertInstanceOf(JdkRedirectHopsFactoryBuilder.class,
        start(OutboundHosts.of("127.0.0.1:1")).getBean(ClientHttpRequestFactoryBuilder.class), "with a list");
  }

  /**
   * A call with a body to the listed receiver, redirected with the status to a relative {@code Location} on it, then
   * by a {@code 302} to the receiver off the list; made without OpenReplay and with it, which must take the same hops
   * with the same methods and bodies, and give the same answer, the token on the listed hops only.
   *
   * @return the hops with OpenReplay: receiver, method and body
   */
  private List<String> hopsAfter(int status, HttpMethod method) throws Exception {
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start();
        TokenHeaderReceiver offList = TokenHeaderReceiver.start()) {
      List<List<String>> hops = new ArrayList<>();
      List<String> answers = new ArrayList<>();
      for (OutboundHosts hosts : new OutboundHosts[] {null, OutboundHosts.of("127.0.0.1:" + listed.port())}) {
        String prefix = hosts == null ? "/without" : "/with";
        listed.redirect(prefix + "/start", "again", status);
        listed.redirect(prefix + "/again", offList.url("127.0.0.1", prefix + "/landing"), 302);
        RestClient client = start(hosts).getBean(RestClient.Builder.class).build();
        try (ContextScope scope = attachToken()) {
          answers.add(answer(client.method(method).uri(listed.url("127.0.0.1", prefix + "/start")).body("payload")
              .retrieve().toEntity(String.class)));
        }
        hops.add(Stream.concat(listed.calls().stream().filter(call -> call.path().startsWith(prefix + "/"))
                .map(call -> "listed " + call.method() + " " + call.body()),
            offList.calls().stream().filter(call -> call.path().startsWith(prefix + "/"))
                .map(call -> "off the list " + call.method() + " " + call.body())).toList());
      }
      assertEquals(answers.get(0), answers.get(1), "the answer, as without OpenReplay");
      assertEquals(hops.get(0), hops.get(1), "the hops, as without OpenReplay");
      assertEquals(List.of(), listed.awaitCall("/without/start").tokens());
      assertEquals(List.of(TOKEN), listed.awaitCall("/with/start").tokens());
      assertEquals(List.of(TOKEN), listed.awaitCall("/with/again").tokens());
      assertEquals(List.of(), offList.awaitCall("/with/landing").tokens());
      return hops.get(1);
    }
  }

  private static ContextScope attachToken() {
    return OpenReplayContext.attach(SessionToken.parse(TOKEN).orElseThrow());
  }

  /** The redirect policy of the {@code HttpClient} under the factory Spring Boot's builder makes. */
  private static HttpClient.Redirect redirectPolicy(ConfigurableApplicationContext context) throws Exception {
    JdkClientHttpRequestFactory factory = (JdkClientHttpRequestFactory) context
        .getBean(ClientHttpRequestFactoryBuilder.class).build(context.getBean(ClientHttpRequestFactorySettings.class));
    Field httpClient = JdkClientHttpRequestFactory.class.getDeclaredField("httpClient");
    httpClient.setAccessible(true);
    return ((HttpClient) httpClient.get(factory)).followRedirects();
  }

  /** A failure's type and message, and its causes'. */
  private static List<String> failure(Throwable failure) {
    List<String> chain = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      chain.add(cause.getClass().getName() + ": " + cause.getMessage());
    }
    return chain;
  }

  private static String answer(ResponseEntity<String> response) {
    return response.getStatusCode() + " " + response.getHeaders().getFirst("Location") + " " + response.getBody();
  }

  /**
   * An application without Apache HttpClient 5, Jetty and Reactor Netty, with the list, or with OpenReplay's
   * propagation off for {@code null}.
   */
  private ConfigurableApplicationContext start(OutboundHosts hosts, Class<?>... more) {
    List<Class<?>> sources = new ArrayList<>(List.of(OpenReplayRestClientsAutoConfigurationTest.App.class));
    sources.addAll(List.of(more));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .resourceLoader(new DefaultResourceLoader(new WithoutOtherClients())).web(WebApplicationType.NONE)
        .properties("spring.main.banner-mode=off",
            hosts == null ? "openreplay.propagation.enabled=false" : "openreplay.propagation.hosts=" + hosts)
        .run();
    contexts.add(context);
    return context;
  }

  /** The test's class path, where Apache HttpClient 5, Jetty's and Reactor Netty's clients are not found by name. */
  private static final class WithoutOtherClients extends ClassLoader {

    WithoutOtherClients() {
      super(BootJdkClientRedirectsTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.apache.hc.") || name.startsWith("org.eclipse.jetty.client.")
          || name.startsWith("reactor.netty.http.client.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }

  /** An application whose own customizer makes Spring Boot's java.net.http client follow no redirects. */
  @Configuration(proxyBeanMethods = false)
  static class NeverFollow {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> neverFollow() {
      return policy(HttpClient.Redirect.NEVER);
    }
  }

  /** An application whose own customizer makes Spring Boot's java.net.http client follow redirects to http too. */
  @Configuration(proxyBeanMethods = false)
  static class AlwaysFollow {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> alwaysFollow() {
      return policy(HttpClient.Redirect.ALWAYS);
    }
  }

  private static ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> policy(
      HttpClient.Redirect policy) {
    return builder -> builder.withHttpClientCustomizer(client -> client.followRedirects(policy));
  }
}
