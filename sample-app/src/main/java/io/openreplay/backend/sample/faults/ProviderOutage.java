package io.openreplay.backend.sample.faults;

import io.openreplay.backend.sample.demo.ChildSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one run points the sample app at: the loopback servers standing for one provider (up or failing), and the
 * environment that points the app's {@code logback.xml} at them. Closing it closes the servers.
 */
final class ProviderOutage implements AutoCloseable {

  private final List<AutoCloseable> servers = new ArrayList<>();
  private final Consumer<ChildSettings> settings;

  ProviderOutage(Consumer<ChildSettings> settings, AutoCloseable... servers) {
    this.settings = settings;
    this.servers.addAll(List.of(servers));
  }

  /**
   * @param child the app's settings, to which this provider's variables are added
   */
  void configure(ChildSettings child) {
    settings.accept(child);
  }

  @Override
  public void close() {
    for (AutoCloseable server : servers) {
      try {
        server.close();
      } catch (Exception e) {
        // closing the others anyway
      }
    }
  }
}
