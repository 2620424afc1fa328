package io.openreplay.backend.agent.config;

import io.openreplay.backend.Generations;
import io.openreplay.backend.agent.bootstrap.AgentSettings;
import io.openreplay.backend.agent.bootstrap.PrefixMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The agent's settings. Each is read from a system property {@code openreplay.NAME}, else from the environment
 * variable {@code OPENREPLAY_NAME} (upper case, dots and dashes as underscores), else it has its default. A value
 * that is not understood falls back to the default.
 */
public final class AgentConfig {

  /** Setting name: whether the agent does anything at all. */
  public static final String ENABLED = "agent.enabled";
  /** Setting name: the header names to read, comma-separated, first valid value wins. */
  public static final String HEADERS = "headers";
  /** Setting name: {@code G1}, {@code G2} or {@code BOTH}. */
  public static final String GENERATIONS = "generations";
  /** Setting name: {@code errors}, {@code all} or {@code off}. */
  public static final String PREFIX = "prefix";
  /** Setting name: whether the agent writes debug lines about itself to the standard error stream. */
  public static final String DEBUG = "debug";

  private final UnaryOperator<String> systemProperties;
  private final Map<String, String> environment;

  /**
   * @param systemProperties looks a system property up by name
   * @param environment the environment variables
   */
  public AgentConfig(UnaryOperator<String> systemProperties, Map<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /**
   * The settings of this JVM.
   *
   * @return the configuration read from {@link System#getProperty(String)} and {@link System#getenv()}
   */
  public static AgentConfig fromSystem() {
    return new AgentConfig(System::getProperty, System.getenv());
  }

  /**
   * The raw value of a setting.
   *
   * @param name the setting's name without the {@code openreplay.} prefix
   * @return the system property, else the environment variable, else {@code null}
   */
  public String raw(String name) {
    String value = systemProperties.apply("openreplay." + name);
    if (value == null) {
      value = environment.get(environmentName(name));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * The environment variable of a setting.
   *
   * @param name the setting's name without the {@code openreplay.} prefix
   * @return for instance {@code OPENREPLAY_INSTRUMENTATION_LOGBACK_ENABLED}
   */
  public static String environmentName(String name) {
    return "OPENREPLAY_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * @return whether the agent is enabled (default {@code true})
   */
  public boolean enabled() {
    return flag(ENABLED, true);
  }

  /**
   * @return whether the agent writes debug lines about itself (default {@code false})
   */
  public boolean debug() {
    return flag(DEBUG, false);
  }

  /**
   * Whether one instrumentation is on: setting {@code instrumentation.NAME.enabled}, default {@code true}.
   *
   * @param instrumentation the instrumentation's name, for instance {@code logback}
   * @return whether it is installed
   */
  public boolean instrumentationEnabled(String instrumentation) {
    return flag("instrumentation." + instrumentation + ".enabled", true);
  }

  /**
   * The header names to read: the configured ones that are valid HTTP header names, else the contract's three.
   *
   * @return the names, in the order they are tried
   */
  public String[] headerNames() {
    String configured = raw(HEADERS);
    if (configured == null) {
      return AgentSettings.DEFAULT_HEADER_NAMES.clone();
    }
    List<String> names = new ArrayList<>();
    for (String part : configured.split(",")) {
      String name = part.trim();
      if (isHeaderName(name) && !names.contains(name)) {
        names.add(name);
      }
    }
    return names.isEmpty() ? AgentSettings.DEFAULT_HEADER_NAMES.clone() : names.toArray(new String[0]);
  }

  /**
   * @return which OpenReplay generations' keys are written ({@link Generations#parse(String)}; default both)
   */
  public Generations generations() {
    return Generations.parse(raw(GENERATIONS));
  }

  /**
   * @return which log events get the message prefix (default {@link PrefixMode#ERRORS})
   */
  public PrefixMode prefixMode() {
    return PrefixMode.parse(raw(PREFIX));
  }

  /** Publishes the settings that advice reads into the bootstrap holder. */
  public void publish() {
    AgentSettings.configure(headerNames(), generations(), prefixMode());
  }

  private boolean flag(String name, boolean defaultValue) {
    String value = raw(name);
    if (value == null) {
      return defaultValue;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "on":
      case "yes":
      case "1":
        return true;
      case "false":
      case "off":
      case "no":
      case "0":
        return false;
      default:
        return defaultValue;
    }
  }

  private static boolean isHeaderName(String name) {
    if (name.isEmpty() || name.length() > 128) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }
}
