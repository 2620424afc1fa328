package io.openreplay.backend.agent.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.Generations;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.PrefixMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from system properties and environment variables, and their defaults. */
class AgentConfigTest {

  private static AgentConfig config(Map<String, String> properties, Map<String, String> environment) {
    return new AgentConfig(properties::get, environment);
  }

  @Test
  void defaults() {
    AgentConfig config = config(Map.of(), Map.of());
    assertTrue(config.enabled());
    assertFalse(config.debug());
    assertSame(Generations.BOTH, config.generations());
    assertEquals(PrefixMode.ERRORS, config.prefixMode());
    assertArrayEquals(AgentSettings.DEFAULT_HEADER_NAMES, config.headerNames());
    assertTrue(config.instrumentationEnabled("logback"));
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    AgentConfig config = config(Map.of("openreplay.generations", "G1", "openreplay.instrumentation.logback.enabled",
        "false"), Map.of("OPENREPLAY_GENERATIONS", "G2", "OPENREPLAY_PREFIX", "all", "OPENREPLAY_DEBUG", "true",
        "OPENREPLAY_INSTRUMENTATION_SENTRY_ENABLED", "off"));
    assertSame(Generations.G1, config.generations());
    assertEquals(PrefixMode.ALL, config.prefixMode());
    assertTrue(config.debug());
    assertFalse(config.instrumentationEnabled("logback"));
    assertFalse(config.instrumentationEnabled("sentry"));
    assertEquals("OPENREPLAY_INSTRUMENTATION_LOGBACK_ENABLED",
        AgentConfig.environmentName("instrumentation.logback.enabled"));
  }

  @Test
  void invalidValuesFallBackToDefaults() {
    AgentConfig config = config(Map.of("openreplay.headers", "X-Token, bad header, X-Token,\u00e9", "openreplay.debug",
        "maybe", "openreplay.agent.enabled", ""), Map.of());
    assertArrayEquals(new String[] {"X-Token"}, config.headerNames());
    assertFalse(config.debug());
    assertTrue(config.enabled());
    assertArrayEquals(AgentSettings.DEFAULT_HEADER_NAMES,
        config(Map.of("openreplay.headers", " , "), Map.of()).headerNames());
    assertSame(Generations.BOTH, config(Map.of("openreplay.generations", "G3"), Map.of()).generations());
    assertSame(Generations.G2, config(Map.of(), Map.of("OPENREPLAY_GENERATIONS", " g2 ")).generations());
  }
}
