package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.it.ContainerAgentTest.Session;
import io.openreplay.backend.testkit.outbound.TokenHeaderReceiver;
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
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start();
         TokenHeaderReceiver other = TokenHeaderReceiver.start();
         ForkedApp app = OutboundAgentTest.launch(APP, 0)
             .property("openreplay.propagation.hosts", "127.0.0.1:" + listed.port()).start()) {
      for (String client : List.of("okhttp", "okhttp-async")) {
        Session session = Session.next();
        String path = "/" + client + "/" + session.marker();
        assertEquals("ok", OutboundAgentTest.call(app, client, listed.url("127.0.0.1", path), null,
            HEADER, session.token()).body(), client);
        assertEquals(List.of(session.token()), listed.awaitCall(path).tokens(), client);

        OutboundAgentTest.call(app, client, other.url("127.0.0.1", path), null, HEADER, session.token());
        assertEquals(List.of(), other.awaitCall(path).tokens(), client);

        String tokenless = path + "/none";
        OutboundAgentTest.call(app, client, listed.url("127.0.0.1", tokenless), null);
        assertEquals(List.of(), listed.awaitCall(tokenless).tokens(), client);

        String own = path + "/own";
        OutboundAgentTest.call(app, client, listed.url("127.0.0.1", own), "own", HEADER, session.token());
        assertEquals(List.of("own"), listed.awaitCall(own).tokens(), client);
      }
    }
  }
}
