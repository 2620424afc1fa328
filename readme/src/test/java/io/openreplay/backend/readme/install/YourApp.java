package io.openreplay.backend.readme.install;

/** The {@code your-app.jar} of the README's {@code java -javaagent:... -jar your-app.jar}: says that it ran. */
public final class YourApp {

  /** What it prints. */
  public static final String RAN = "your-app: ran";

  private YourApp() {
  }

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(RAN);
  }
}
