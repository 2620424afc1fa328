package io.openreplay.backend;

import io.openreplay.backend.internal.Settings;
import java.util.Locale;

/**
 * The link to a session's replay, {@code <OpenReplay URL>/<project id>/session/<session id>}, which OpenReplay's
 * documentation suggests putting on Sentry events as the tag {@value #TAG}, so that an error in Sentry leads to its
 * replay. Made only when the user configured both parts: the system property {@value #URL_PROPERTY} (or the
 * environment variable {@value #URL_VARIABLE}), an {@code http} or {@code https} URL such as
 * {@code https://openreplay.example.com} or {@code https://app.openreplay.com}, and {@value #PROJECT_PROPERTY} (or
 * {@value #PROJECT_VARIABLE}), the project's id as OpenReplay shows it in its URLs. Needs only the JDK.
 */
public final class SessionUrl {

  /** The Sentry tag OpenReplay's documentation names. */
  public static final String TAG = "openReplaySessionURL";
  /** The system property of OpenReplay's URL. */
  public static final String URL_PROPERTY = "openreplay.url";
  /** The environment variable of OpenReplay's URL. */
  public static final String URL_VARIABLE = "OPENREPLAY_URL";
  /** The system property of the project id. */
  public static final String PROJECT_PROPERTY = "openreplay.projectId";
  /** The environment variable of the project id. */
  public static final String PROJECT_VARIABLE = "OPENREPLAY_PROJECT_ID";
  /** The longest link made (Sentry keeps tag values of at most 200 characters). */
  public static final int MAX_LENGTH = 200;

  private static final SessionUrl CONFIGURED = new SessionUrl(
      Settings.read(URL_PROPERTY, URL_VARIABLE), Settings.read(PROJECT_PROPERTY, PROJECT_VARIABLE));

  private final String start;

  /**
   * @param url OpenReplay's URL, possibly {@code null}
   * @param projectId the project id, possibly {@code null}
   */
  SessionUrl(String url, String projectId) {
    this.start = startOf(url, projectId);
  }

  /**
   * The configured links, read once from the system properties and environment.
   *
   * @return the links of the configuration ({@link #isConfigured()} says whether it makes any)
   */
  public static SessionUrl configured() {
    return CONFIGURED;
  }

  /**
   * @return whether both parts are configured and valid
   */
  public boolean isConfigured() {
    return start != null;
  }

  /**
   * The link to a token's session.
   *
   * @param token the token, possibly {@code null}
   * @return the link, or {@code null} when nothing is configured, the token has no session id, or the link would be
   *     longer than {@value #MAX_LENGTH}
   */
  public String of(SessionToken token) {
    if (start == null || token == null || token.sessionId() == null) {
      return null;
    }
    String link = start + token.sessionId();
    return link.length() <= MAX_LENGTH ? link : null;
  }

  private static String startOf(String url, String projectId) {
    if (url == null || projectId == null) {
      return null;
    }
    String base = url.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String lower = base.toLowerCase(Locale.ROOT);
    String project = projectId.trim();
    boolean web = lower.startsWith("https://") || lower.startsWith("http://");
    if (!web || base.length() <= lower.indexOf("//") + 2 || !isPathSafe(base) || project.isEmpty()
        || !isProjectId(project)) {
      return null;
    }
    return base + "/" + project + "/session/";
  }

  /** No spaces, controls, quotes or markup: the link goes into a provider's UI. */
  private static boolean isPathSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 127 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
        return false;
      }
    }
    return true;
  }

  private static boolean isProjectId(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-' && c != '_') {
        return false;
      }
    }
    return text.length() <= 64;
  }
}
