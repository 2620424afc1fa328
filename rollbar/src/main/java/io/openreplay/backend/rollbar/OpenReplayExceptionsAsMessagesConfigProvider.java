package io.openreplay.backend.rollbar;

import com.rollbar.notifier.config.Config;
import com.rollbar.notifier.config.ConfigBuilder;
import com.rollbar.notifier.config.ConfigProvider;

/**
 * For {@code rollbar-logback}'s {@code <configProviderClassName>}: puts the token on every item and sends exception
 * items with a token as message items, so that OpenReplay G1's RQL job finds them (see
 * {@link OpenReplayRollbar#configure(ConfigBuilder, boolean)}).
 *
 * <p>Items are sent by a {@link BoundedRollbarSender}: bounded connect and read timeouts, queue and flush at close,
 * with the bounds of the {@link OpenReplayRollbarAppender} being started, else {@link RollbarSenderSettings#DEFAULTS}.
 */
public final class OpenReplayExceptionsAsMessagesConfigProvider implements ConfigProvider {

  /** Made by rollbar-java from the class name. */
  public OpenReplayExceptionsAsMessagesConfigProvider() {
  }

  @Override
  public Config provide(ConfigBuilder builder) {
    return BoundedRollbarSender.build(OpenReplayRollbar.configure(builder, true),
        RollbarSenderSettings.ofStartingAppender());
  }
}
