package io.openreplay.backend.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One core: the agent jar carries {@code openreplay-core}'s JDK-only classes (the token rule, keys, header names,
 * message prefix, generations), relocated into its bootstrap part, and nothing else of the core; none of its classes
 * refers to the core's own names, and the relocated token rule answers the contract's vector on the JDK alone.
 */
class AgentJarTest {

  private static final String CORE = "io/openreplay/backend/agent/bootstrap/core/";
  /** A class reference into the OpenReplay packages that is not the agent's own. */
  private static final Pattern NOT_THE_AGENTS = Pattern.compile("io/openreplay/backend/(?!agent/)[A-Za-z/$]+");

  @Test
  void theCoresJdkOnlyClassesAreInTheBootstrapPartAndNothingElseOfTheCore() throws IOException {
    Set<String> core = new TreeSet<>();
    List<String> outside = new ArrayList<>();
    Set<String> references = new TreeSet<>();
    try (JarFile jar = new JarFile(ItPaths.agentJar())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        if (name.startsWith(CORE)) {
          core.add(name.substring(CORE.length()));
        } else if (name.startsWith("io/openreplay/") && !name.startsWith("io/openreplay/backend/agent/")) {
          outside.add(name);
        }
        try (InputStream in = jar.getInputStream(entry)) {
          Matcher matcher = NOT_THE_AGENTS.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
          while (matcher.find()) {
            references.add(name + " -> " + matcher.group());
          }
        }
      }
    }
    assertEquals(Set.of("Generations.class", "HeaderNames.class", "MessagePrefix.class", "RecentTokens.class",
        "RecentTokens$Entry.class", "SessionToken.class", "SessionUrl.class", "OutboundHeader.class",
        "OutboundHosts.class", "OutboundHosts$HostPattern.class", "internal/Settings.class"), core);
    assertEquals(List.of(), outside, "no OpenReplay class outside the agent's packages");
    assertEquals(Set.of(), references, "no class of the agent refers to the core's own names");
  }

  @Test
  void theRelocatedTokenRuleAnswersTheContractsVectorOnTheJdkAlone() throws Exception {
    URL jar = Path.of(ItPaths.agentJar()).toUri().toURL();
    try (URLClassLoader jdkOnly = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
      Class<?> sessionToken = Class.forName(CORE.replace('/', '.') + "SessionToken", true, jdkOnly);
      Method parse = sessionToken.getMethod("parseOrNull", CharSequence.class);
      Object token = parse.invoke(null, TestTokens.CONTRACT_TOKEN);
      assertEquals(TestTokens.CONTRACT_SESSION_ID, sessionToken.getMethod("sessionId").invoke(token));
      assertEquals(TestTokens.CONTRACT_TOKEN, sessionToken.getMethod("token").invoke(token));
      assertNull(parse.invoke(null, "jw4wdfpgqhoj\n[ERROR] forged line"));
      Class<?> headerNames = Class.forName(CORE.replace('/', '.') + "HeaderNames", true, jdkOnly);
      assertTrue(headerNames.getField("DEFAULT").get(null).toString().contains("X-OpenReplay-SessionToken"));
    }
  }
}
