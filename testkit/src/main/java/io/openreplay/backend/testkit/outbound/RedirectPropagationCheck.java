package io.openreplay.backend.testkit.outbound;

import io.openreplay.backend.ContextScope;
import io.openreplay.backend.OpenReplayContext;
import io.openreplay.backend.OutboundHosts;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testkit.outbound.RedirectingClient.RedirectCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an outbound integration must do on a client that follows redirects, checked over real sockets against two
 * {@link TokenHeaderReceiver}s on 127.0.0.1, the listed one (the allow-list names it by {@code 127.0.0.1:PORT}) and
 * one off the list (another port): a call to the listed one is redirected by a {@code 307} to the listed one again,
 * then by a {@code 302} to the one off the list, which answers. The hop off the list never gets the header; the
 * client takes the same hops and gives the same final answer as without OpenReplay; and the listed hops get the token
 * ({@link #run}) or, for a client whose hops cannot be judged one by one, nothing ({@link #runWithheld}). Throws
 * {@link AssertionError} at the first difference.
 */
public final class RedirectPropagationCheck {

  private RedirectPropagationCheck() {
  }

  /**
   * For a client whose every hop is judged: the token on both listed hops, nothing on the one off the list.
   *
   * @param client the client under test
   * @throws Exception when a call fails
   */
  public static void run(RedirectingClient client) throws Exception {
    check(client, true);
  }

  /**
   * For a client that follows redirects where OpenReplay cannot judge each hop, so adds the header nowhere: nothing on
   * any hop.
   *
   * @param client the client under test
   * @throws Exception when a call fails
   */
  public static void runWithheld(RedirectingClient client) throws Exception {
    check(client, false);
  }

  private static void check(RedirectingClient client, boolean listedHopsCarryIt) throws Exception {
    try (TokenHeaderReceiver listed = TokenHeaderReceiver.start();
        TokenHeaderReceiver offList = TokenHeaderReceiver.start()) {
      String without = call(client.with(null), listed, offList, "/without");
      List<String> hopsWithout = hops(listed, offList, "/without");
      RedirectCall with = client.with(OutboundHosts.of("127.0.0.1:" + listed.port()));
      String answer;
      try (ContextScope scope = OpenReplayContext.attach(
          SessionToken.parse(OutboundPropagationCheck.TOKEN).orElseThrow())) {
        answer = call(with, listed, offList, "/with");
      }
      assertEquals(without, answer, "the final answer, the same as without OpenReplay");
      assertEquals(hopsWithout, hops(listed, offList, "/with"), "the hops, the same as without OpenReplay");
      assertEquals(null, offList.awaitCall("/with/landing").token(),
          "nothing to the host off the list a listed host redirected to");
      String expected = listedHopsCarryIt ? OutboundPropagationCheck.TOKEN : null;
      assertEquals(expected, listed.awaitCall("/with/start").token(), "the listed host called first");
      assertEquals(expected, listed.awaitCall("/with/again").token(), "the listed host redirected to");
    }
  }

  /** Sets up the hops under a prefix and makes the call. */
  private static String call(RedirectCall call, TokenHeaderReceiver listed, TokenHeaderReceiver offList,
      String prefix) throws Exception {
    listed.redirect(prefix + "/start", listed.url("127.0.0.1", prefix + "/again"), 307);
    listed.redirect(prefix + "/again", offList.url("127.0.0.1", prefix + "/landing"), 302);
    return call.get(listed.url("127.0.0.1", prefix + "/start"));
  }

  /** The hops of the calls under a prefix, in order, named by receiver and path without the prefix. */
  private static List<String> hops(TokenHeaderReceiver listed, TokenHeaderReceiver offList, String prefix) {
    List<String> hops = new ArrayList<>();
    listed.calls().stream().filter(call -> call.path().startsWith(prefix + "/"))
        .forEach(call -> hops.add("listed " + call.path().substring(prefix.length())));
    offList.calls().stream().filter(call -> call.path().startsWith(prefix + "/"))
        .forEach(call -> hops.add("off the list " + call.path().substring(prefix.length())));
    return hops;
  }

  private static void assertEquals(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
  }
}
