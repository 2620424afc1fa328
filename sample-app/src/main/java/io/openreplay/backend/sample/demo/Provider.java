package io.openreplay.backend.sample.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The five providers the demo checks, in the order of its table. */
public enum Provider {

  /** Sentry: error events, tags; OpenReplay G1 and G2. */
  SENTRY("Sentry", true, "sentry"),
  /** Rollbar: items, OpenReplay G1's RQL job. */
  ROLLBAR("Rollbar", false, "rollbar"),
  /** Google Cloud Logging (Stackdriver): entries with labels, OpenReplay G1's filter. */
  CLOUD_LOGGING("Cloud Logging", false, "stackdriver", "cloud-logging", "cloudlogging", "google"),
  /** AWS CloudWatch Logs: lines, OpenReplay G1's FilterLogEvents and message rules. */
  CLOUDWATCH("CloudWatch", false, "cloudwatch", "aws"),
  /** Elasticsearch (a real OpenSearch node): documents, OpenReplay G1 and G2 queries. */
  ELASTICSEARCH("Elasticsearch", true, "elasticsearch", "opensearch", "es");

  private final String title;
  private final boolean g2;
  private final List<String> names;

  Provider(String title, boolean g2, String... names) {
    this.title = title;
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
   * @return whether OpenReplay G2 (1.21 and later) also looks this provider up
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
