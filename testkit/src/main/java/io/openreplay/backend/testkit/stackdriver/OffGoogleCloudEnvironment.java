package io.openreplay.backend.testkit.stackdriver;

import com.google.cloud.logging.MonitoredResourceUtil;
import com.google.cloud.logging.ResourceTypeEnvironmentGetter;
import java.lang.reflect.Method;

/**
 * Tells the Cloud Logging library of this JVM that it runs outside Google Cloud, so it never asks the metadata
 * server ({@code metadata.google.internal}) what it runs on.
 *
 * <p>Google's logback appender asks that server on every start to pick its resource enhancers, whatever its
 * settings. A loopback test must not send anything past 127.0.0.1, so this replaces the library's environment getter
 * (through its test hook, {@code MonitoredResourceUtil.setEnvironmentGetter}) with one that has no metadata server.
 * The change holds for the whole JVM; install it only in tests and demos.
 */
final class OffGoogleCloudEnvironment implements ResourceTypeEnvironmentGetter {

  private OffGoogleCloudEnvironment() {
  }

  /**
   * Installs the getter.
   *
   * @throws IllegalStateException when this version of the library has no such hook
   */
  static void install() {
    try {
      Method hook = MonitoredResourceUtil.class.getDeclaredMethod("setEnvironmentGetter",
          ResourceTypeEnvironmentGetter.class);
      hook.setAccessible(true);
      hook.invoke(null, new OffGoogleCloudEnvironment());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot keep the Cloud Logging library from asking the metadata server", e);
    }
  }

  @Override
  public String getEnv(String name) {
    return null;
  }

  /** No metadata server: every attribute is absent, so the resource is {@code global}. */
  @Override
  public String getAttribute(String name) {
    return null;
  }
}
