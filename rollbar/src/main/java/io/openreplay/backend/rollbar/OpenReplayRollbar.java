package io.openreplay.backend.rollbar;

import com.rollbar.notifier.config.ConfigBuilder;
import java.util.Objects;

/**
 * The code route to rollbar-java's configuration.
 *
 * <pre>{@code
 * Rollbar rollbar = Rollbar.init(OpenReplayRollbar.configure(ConfigBuilder.withAccessToken(token)
 *     .environment("production")).build());
 * }</pre>
 *
 * <p>Both methods set the builder's transformer; to keep a transformer of your own, set a
 * {@code TransformerPipeline} of it and an {@link OpenReplayTransformer} instead.
 */
public final class OpenReplayRollbar {

  private OpenReplayRollbar() {
  }

  /**
   * Puts the token on every item; exception items keep their trace (token in {@code data.custom} only).
   *
   * @param builder the configuration being built
   * @return {@code builder}, with an {@link OpenReplayTransformer} as its transformer
   */
  public static ConfigBuilder configure(ConfigBuilder builder) {
    return configure(builder, false);
  }

  /**
   * Puts the token on every item.
   *
   * @param builder the configuration being built
   * @param exceptionsAsMessages whether exception items with a token are sent as message items (stack trace as
   *     text) so that OpenReplay G1's RQL job finds them
   * @return {@code builder}, with an {@link OpenReplayTransformer} as its transformer
   */
  public static ConfigBuilder configure(ConfigBuilder builder, boolean exceptionsAsMessages) {
    Objects.requireNonNull(builder, "builder");
    return builder.transformer(new OpenReplayTransformer(exceptionsAsMessages));
  }
}
