package io.openreplay.backend.sample.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sample application's JVM is started with: environment variables (the ones the providers' libraries and
 * {@code logback.xml} read) and system properties.
 */
public final class ChildSettings {

  /**
   * Variables that would point the sample application at a real account: never passed on from the demo's own
   * environment, so that the demo reaches nothing outside 127.0.0.1.
   */
  static final List<String> ACCOUNT_VARIABLE_PREFIXES = List.of("SENTRY_", "ROLLBAR_", "GOOGLE_", "GCLOUD_",
      "CLOUDSDK_", "CLOUDWATCH_", "AWS_", "ES_LOG_FILE", "DATADOG_", "DD_", "DYNATRACE_", "DT_", "OPENREPLAY_");

  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();

  /**
   * Sets an environment variable of the sample application.
   *
   * @param name the variable
   * @param value its value
   * @return this
   */
  public ChildSettings env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * Sets a system property of the sample application.
   *
   * @param name the property
   * @param value its value
   * @return this
   */
  public ChildSettings property(String name, String value) {
    systemProperties.put(name, value);
    return this;
  }

  /**
   * @return the environment variables set, in the order set
   */
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /**
   * @return the system properties set, in the order set
   */
  public Map<String, String> systemProperties() {
    return new LinkedHashMap<>(systemProperties);
  }

  /**
   * Puts these settings into a child's environment, after removing every inherited variable of a provider account.
   *
   * @param target a process builder's environment
   */
  void applyTo(Map<String, String> target) {
    target.keySet().removeIf(name -> ACCOUNT_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith));
    target.putAll(environment);
  }
}
