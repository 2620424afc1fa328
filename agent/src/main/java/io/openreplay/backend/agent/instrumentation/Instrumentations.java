package io.openreplay.backend.agent.instrumentation;

import io.openreplay.backend.agent.instrumentation.apachehttpclient5.ApacheHttpClient5Instrumentation;
import io.openreplay.backend.agent.instrumentation.executors.ExecutorInstrumentation;
import io.openreplay.backend.agent.instrumentation.javahttpclient.JavaHttpClientInstrumentation;
import io.openreplay.backend.agent.instrumentation.jbosslogmanager.JbossLogManagerInstrumentation;
import io.openreplay.backend.agent.instrumentation.jetty.JettyInstrumentation;
import io.openreplay.backend.agent.instrumentation.jul.JulInstrumentation;
import io.openreplay.backend.agent.instrumentation.log4j2.Log4j2Instrumentation;
import io.openreplay.backend.agent.instrumentation.logback.LogbackInstrumentation;
import io.openreplay.backend.agent.instrumentation.logstash.LogstashInstrumentation;
import io.openreplay.backend.agent.instrumentation.okhttp.OkHttpInstrumentation;
import io.openreplay.backend.agent.instrumentation.rollbar.RollbarInstrumentation;
import io.openreplay.backend.agent.instrumentation.sentry.SentryInstrumentation;
import io.openreplay.backend.agent.instrumentation.servlet.ServletInstrumentation;
import io.openreplay.backend.agent.instrumentation.threads.ThreadInstrumentation;
import io.openreplay.backend.agent.instrumentation.tomcat.TomcatInstrumentation;
import io.openreplay.backend.agent.instrumentation.undertow.UndertowInstrumentation;
import io.openreplay.backend.agent.instrumentation.urlconnection.UrlConnectionInstrumentation;
import io.openreplay.backend.agent.instrumentation.webclient.WebClientInstrumentation;
import io.openreplay.backend.agent.instrumentation.webflux.WebFluxInstrumentation;
import java.util.List;

/** Every library the agent knows. */
public final class Instrumentations {

  private Instrumentations() {
  }

  /**
   * @return one instrumentation per library, in the order they are installed
   */
  public static List<LibraryInstrumentation> all() {
    return List.of(
        new TomcatInstrumentation(),
        new JettyInstrumentation(),
        new UndertowInstrumentation(),
        new WebFluxInstrumentation(),
        new ServletInstrumentation(),
        new LogbackInstrumentation(),
        new LogstashInstrumentation(),
        new Log4j2Instrumentation(),
        new SentryInstrumentation(),
        new RollbarInstrumentation(),
        new JulInstrumentation(),
        new JbossLogManagerInstrumentation(),
        new ExecutorInstrumentation(),
        new ThreadInstrumentation(),
        new JavaHttpClientInstrumentation(),
        new UrlConnectionInstrumentation(),
        new ApacheHttpClient5Instrumentation(),
        new OkHttpInstrumentation(),
        new WebClientInstrumentation());
  }
}
