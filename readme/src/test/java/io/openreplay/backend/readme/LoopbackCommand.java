package io.openreplay.backend.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A README command (a {@code curl} check) run with bash once the provider's addresses in it are replaced by a
 * loopback receiver's. It refuses to run while any address other than 127.0.0.1 is left in it, so that a README edit
 * can never make a test talk to the real provider.
 */
public final class LoopbackCommand {

  private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s\"'/]+");

  private LoopbackCommand() {
  }

  /**
   * @param command the README's command
   * @param replacements each provider address in the command and the receiver's address it stands for
   * @param environment variables the command reads
   * @return what the command printed, once it ended with status 0 within 30 s
   * @throws IOException when bash cannot be started
   * @throws InterruptedException when interrupted
   */
  public static String run(String command, Map<String, String> replacements, Map<String, String> environment)
      throws IOException, InterruptedException {
    String local = command;
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      assertTrue(local.contains(replacement.getKey()), () -> "the command names " + replacement.getKey() + ": "
          + command);
      local = local.replace(replacement.getKey(), replacement.getValue());
    }
    List<String> outside = new ArrayList<>();
    Matcher address = ADDRESS.matcher(local);
    while (address.find()) {
      if (!address.group().matches("https?://127\\.0\\.0\\.1(:\\d+)?")) {
        outside.add(address.group());
      }
    }
    String runnable = local;
    assertEquals(List.of(), outside, () -> "addresses outside 127.0.0.1 left in " + runnable);
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", runnable).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), () -> new String(out, StandardCharsets.UTF_8));
    return new String(out, StandardCharsets.UTF_8);
  }
}
