package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbound app of {@link OutboundAgentTest} on OkHttp 5 (apps/outbound-okhttp5), with only {@code -javaagent}
 * and an allow-list naming one loopback receiver: OkHttp 5's calls ({@code execute} and {@code enqueue}) carry the
 * serving request's token to it once, to a receiver on another port none, none without a token, and an application's
 * own header as it set it.
 */
class OutboundOkHttp5AgentTest {

  private static final String APP = "outbound-okhttp5";
  private static final String HEADER = ContainerAgentTest.HEADER;

  @Test
  void okHttp5CarriesTheTokenToTheListedHostOnly() throws Exception {
    String classPath = Files.readString(Path.of(ItPaths.appsDir(), APP, ItPaths.buildDir(), "app.classpath"));
    assertTrue(Arrays.stream(classPath.trim().split(File.pathSeparator))
        .anyMatch(jar -> Path.of(jar).getFileName().toString().startsWith("okhttp-jvm-5.")), "runs on OkHttp 5");
    try (HeaderReceiver listed = new HeaderReceiver(HEADER);
         HeaderReceiver other = new HeaderReceiver(HEADER);
         ForkedApp app = OutboundAgentTest.launch(APP, 0)
             .property("openreplay.propagation.hosts", "127.0.0.1:" + listed.port()).start()) {
      for (String client : List.of("okhttp", "okhttp-async")) {
        Session session = Session.next();
        String query = "id=" + session.marker();
        assertEquals(session.token(),
            OutboundAgentTest.call(app, client, listed.echo(query), null, HEADER, session.token()).body(), client);
        assertEquals(List.of(session.token()), listed.received(query), client);

        assertEquals("", OutboundAgentTest.call(app, client, other.echo(query), null, HEADER, session.token()).body(),
            client);
        assertEquals(List.of(), other.received(query), client);

        String tokenless = "id=n" + session.marker();
        assertEquals("", OutboundAgentTest.call(app, client, listed.echo(tokenless), null).body(), client);
        assertEquals(List.of(), listed.received(tokenless), client);

        String own = "id=o" + session.marker();
        assertEquals("own", OutboundAgentTest.call(app, client, listed.echo(own), "own", HEADER, session.token())
            .body(), client);
        assertEquals(List.of("own"), listed.received(own), client);
      }
    }
  }
}
