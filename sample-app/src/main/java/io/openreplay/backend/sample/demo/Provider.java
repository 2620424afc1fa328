package io.openreplay.backend.sample.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The providers the demo checks, in the order of its table. */
public enum Provider {

  /** Sentry: error events, tags; OpenReplay G1 and G2. */
  SENTRY("Sentry", true, true, "sentry"),
  /** Rollbar: items, OpenReplay G1's RQL job. */
  ROLLBAR("Rollbar", true, false, "rollbar"),
  /** Google Cloud Logging (Stackdriver): entries with labels, OpenReplay G1's filter. */
  CLOUD_LOGGING("Cloud Logging", true, false, "stackdriver", "cloud-logging", "cloudlogging", "google"),
  /** AWS CloudWatch Logs: lines, OpenReplay G1's FilterLogEvents and message rules. */
  CLOUDWATCH("CloudWatch", true, false, "cloudwatch", "aws"),
  /** Elasticsearch (a real OpenSearch node): documents, OpenReplay G1 and G2 queries. */
  ELASTICSEARCH("Elasticsearch", true, true, "elasticsearch", "opensearch", "es"),
  /** Datadog Logs, fed by a model of the Datadog Agent tailing a JSON file: OpenReplay G1 and G2 searches. */
  DATADOG("Datadog", true, true, "datadog", "dd"),
  /** Dynatrace, fed by a model of OneAgent reading a JSON file: OpenReplay G2's log search. */
  DYNATRACE("Dynatrace", false, true, "dynatrace", "dt");

  private final String title;
  private final boolean g1;
  private final boolean g2;
  private final List<String> names;

  Provider(String title, boolean g1, boolean g2, String... names) {
    this.title = title;
    this.g1 = g1;
    this.g2 = g2;
    this.names = List.of(names);
  }

  /**
   * @return the name shown in the table
   */
  public String title() {
    return title;
  }

  /**
   * @return whether OpenReplay G1 (up to 1.20) looks this provider up
   */
  public boolean hasG1() {
    return g1;
  }

  /**
   * @return whether OpenReplay G2 (1.21 and later) looks this provider up
   */
  public boolean hasG2() {
    return g2;
  }

  /**
   * @return the name accepted by {@code --break}, e.g. {@code rollbar}
   */
  public String cliName() {
    return names.get(0);
  }

  /**
   * @param name a provider's name as typed, e.g. {@code rollbar} or {@code Cloud-Logging}
   * @return the provider, or empty when no provider has that name
   */
  public static Optional<Provider> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(provider -> provider.names.contains(wanted)).findFirst();
  }
}
