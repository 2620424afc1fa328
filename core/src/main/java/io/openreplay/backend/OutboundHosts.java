package io.openreplay.backend;

import io.openreplay.backend.internal.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts that outgoing calls may carry the token to: an allow-list the user sets, empty by default, so that the
 * token never reaches a third-party API unless the user names it (OpenReplay's tracker sends its header only to the
 * URLs its user allows, for the same reason).
 *
 * <p>The list is the system property {@value #PROPERTY} or, failing that, the environment variable
 * {@value #VARIABLE}: entries separated by commas, each one of
 * <ul>
 *   <li>{@code orders.internal}: that host, on any port;</li>
 *   <li>{@code *.svc.cluster.local}: every host below that domain, on any port (not the domain itself);</li>
 *   <li>{@code orders.internal:8443}, {@code 10.0.0.7:8080}, {@code [fd00::7]:8080}: that host on that port only
 *       (a URL without a port has its scheme's: 80 for {@code http}, 443 for {@code https}).</li>
 * </ul>
 * Host names compare without regard to case. An entry that is none of these (a bare {@code *}, a path, a blank) is
 * ignored: the list can only name hosts, never allow everything.
 *
 * <p>Immutable and thread-safe; needs only the JDK.
 */
public final class OutboundHosts {

  /** The system property of the list. */
  public static final String PROPERTY = "openreplay.propagation.hosts";
  /** The environment variable of the list. */
  public static final String VARIABLE = "OPENREPLAY_PROPAGATION_HOSTS";
  /** The empty list: the token goes nowhere. */
  public static final OutboundHosts NONE = new OutboundHosts(List.of());

  private static final OutboundHosts CONFIGURED = of(Settings.read(PROPERTY, VARIABLE));

  private final List<HostPattern> patterns;

  private OutboundHosts(List<HostPattern> patterns) {
    this.patterns = patterns;
  }

  /**
   * The configured list, read once from the system property and environment.
   *
   * @return the list, {@link #NONE} when nothing is configured
   */
  public static OutboundHosts configured() {
    return CONFIGURED;
  }

  /**
   * The list of a configuration value.
   *
   * @param value the entries, comma-separated; {@code null} or blank for {@link #NONE}
   * @return the list of the valid entries
   */
  public static OutboundHosts of(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    List<HostPattern> patterns = new ArrayList<>();
    for (String entry : value.split(",")) {
      HostPattern pattern = HostPattern.parseOrNull(entry);
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return patterns.isEmpty() ? NONE : new OutboundHosts(List.copyOf(patterns));
  }

  /**
   * @return whether the list allows no host at all
   */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /**
   * Whether a call to a URI may carry the token.
   *
   * @param uri the call's URI, possibly {@code null} or without a host
   * @return {@code true} only when an entry matches its host and port
   */
  public boolean allows(URI uri) {
    return uri != null && allows(uri.getScheme(), uri.getHost(), uri.getPort());
  }

  /**
   * Whether a call to a host may carry the token.
   *
   * @param scheme the call's scheme ({@code http}, {@code https}), used for the port when {@code port} is negative
   * @param host the host name or address; IPv6 addresses with or without brackets
   * @param port the port, or a negative number for the scheme's default
   * @return {@code true} only when an entry matches
   */
  public boolean allows(String scheme, String host, int port) {
    if (patterns.isEmpty() || host == null || host.isEmpty()) {
      return false;
    }
    String name = HostPattern.normalHost(host);
    int effectivePort = port >= 0 ? port : defaultPort(scheme);
    for (HostPattern pattern : patterns) {
      if (pattern.matches(name, effectivePort)) {
        return true;
      }
    }
    return false;
  }

  private static int defaultPort(String scheme) {
    if ("https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) {
      return 443;
    }
    return "http".equalsIgnoreCase(scheme) || "ws".equalsIgnoreCase(scheme) ? 80 : -1;
  }

  @Override
  public String toString() {
    List<String> entries = new ArrayList<>();
    patterns.forEach(pattern -> entries.add(pattern.toString()));
    return String.join(",", entries);
  }

  /** One entry of the list. */
  private record HostPattern(String host, boolean subdomains, int port) {

    static HostPattern parseOrNull(String entry) {
      String text = entry.trim().toLowerCase(Locale.ROOT);
      int schemeEnd = text.indexOf("://");
      if (schemeEnd >= 0) {
        text = text.substring(schemeEnd + 3);
      }
      if (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      int port = -1;
      String host = text;
      int colon = text.lastIndexOf(':');
      boolean bracketed = text.startsWith("[");
      if (colon > 0 && (!bracketed || text.charAt(colon - 1) == ']') && (bracketed || text.indexOf(':') == colon)) {
        port = portOrNegative(text.substring(colon + 1));
        if (port < 0) {
          return null;
        }
        host = text.substring(0, colon);
      }
      boolean subdomains = host.startsWith("*.");
      if (subdomains) {
        host = host.substring(1);
      }
      host = normalHost(host);
      if (!isHost(host, subdomains)) {
        return null;
      }
      return new HostPattern(host, subdomains, port);
    }

    static String normalHost(String host) {
      String name = host.toLowerCase(Locale.ROOT);
      if (name.startsWith("[") && name.endsWith("]")) {
        name = name.substring(1, name.length() - 1);
      }
      return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    boolean matches(String name, int effectivePort) {
      if (port >= 0 && port != effectivePort) {
        return false;
      }
      return subdomains ? name.endsWith(host) && name.length() > host.length() : name.equals(host);
    }

    private static boolean isHost(String host, boolean subdomains) {
      if (host.isEmpty() || (subdomains && host.length() < 3)) {
        return false;
      }
      for (int i = 0; i < host.length(); i++) {
        char c = host.charAt(i);
        boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':'
            || c == '_' || c == '%';
        if (!allowed) {
          return false;
        }
      }
      return true;
    }

    private static int portOrNegative(String text) {
      if (text.isEmpty() || text.length() > 5) {
        return -1;
      }
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) < '0' || text.charAt(i) > '9') {
          return -1;
        }
      }
      int port = Integer.parseInt(text);
      return port <= 65535 ? port : -1;
    }

    @Override
    public String toString() {
      String name = (subdomains ? "*" : "") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host);
      return port >= 0 ? name + ":" + port : name;
    }
  }
}
