package io.openreplay.backend.filter.core;

/**
 * The names of the parameters that configure the filters and listeners, as filter init-parameters or as
 * context-params ({@code <context-param>} in web.xml, {@code ServletContext.setInitParameter}).
 */
public final class Parameters {

  /**
   * The request headers that carry the token, comma-separated, in order of preference: the first name with a valid
   * value wins. Read from the filter's init-parameter, else from the context-param of the same name. Default:
   * {@code X-OpenReplay-SessionToken, X-OpenReplay-Session-Token, openReplaySession.id}.
   */
  public static final String HEADERS = "openreplay.headers";

  /**
   * Context-param; {@code false} stops the filter and listener from registering themselves in a web application
   * that has the jar in {@code WEB-INF/lib}. Default: {@code true}.
   */
  public static final String AUTO_REGISTRATION = "openreplay.autoRegistration";

  /** The name under which the filter registers itself, and the web-fragment's name. */
  public static final String REGISTRATION_NAME = "openreplay";

  private Parameters() {
  }

  /**
   * Whether a context-param value switches auto-registration off.
   *
   * @param value the value of {@link #AUTO_REGISTRATION}, possibly {@code null}
   * @return {@code true} unless the value is {@code false} (any case, surrounding blanks ignored)
   */
  public static boolean autoRegistrationEnabled(String value) {
    return value == null || !"false".equalsIgnoreCase(value.trim());
  }
}
