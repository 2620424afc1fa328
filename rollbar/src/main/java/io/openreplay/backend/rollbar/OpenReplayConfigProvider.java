package io.openreplay.backend.rollbar;

import com.rollbar.notifier.config.Config;
import com.rollbar.notifier.config.ConfigBuilder;
import com.rollbar.notifier.config.ConfigProvider;

/**
 * For {@code rollbar-logback}'s {@code <configProviderClassName>}: puts the token on every item, exception items
 * keep their trace (see {@link OpenReplayRollbar#configure(ConfigBuilder)}).
 */
public final class OpenReplayConfigProvider implements ConfigProvider {

  /** Made by rollbar-java from the class name. */
  public OpenReplayConfigProvider() {
  }

  @Override
  public Config provide(ConfigBuilder builder) {
    return OpenReplayRollbar.configure(builder, false).build();
  }
}
