package io.openreplay.backend.readme.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a {@link ProbeRun} left.
 *
 * @param exitCode the JVM's exit code
 * @param out its standard output
 * @param err its standard error
 */
public record ProbeResult(int exitCode, String out, String err) {

  /**
   * Fails unless the probe ran through: exit code 0 and its last line printed.
   *
   * @return this
   */
  public ProbeResult assertRanThrough() {
    assertEquals(0, exitCode, () -> "the probe failed (" + exitCode + "): " + this);
    assertTrue(out.contains(ProbeApplication.DONE), () -> "the probe ran through: " + this);
    return this;
  }

  @Override
  public String toString() {
    return "exit code " + exitCode + "\n--- standard output\n" + out + "--- standard error\n" + err;
  }
}
