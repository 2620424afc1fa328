package io.openreplay.backend.internal;

/** A setting the user gives as a system property or, failing that, an environment variable. */
public final class Settings {

  private Settings() {
  }

  /**
   * The setting's value.
   *
   * @param property the system property, read first
   * @param variable the environment variable, read when the property is unset or blank
   * @return the value, or {@code null} when neither is set or they cannot be read
   */
  public static String read(String property, String variable) {
    try {
      String value = System.getProperty(property);
      return value != null && !value.isBlank() ? value : System.getenv(variable);
    } catch (SecurityException e) {
      return null;
    }
  }
}
