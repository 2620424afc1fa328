package io.openreplay.backend.rollbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollbar.notifier.config.Config;
import com.rollbar.notifier.config.ConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * The endpoint {@link BoundedRollbarSender#build} points its sender at: the configured one, or Rollbar's own when
 * none or a blank one is configured (a {@code ${env:ROLLBAR_ENDPOINT:-}} whose variable is unset). Nothing is sent.
 */
class BoundedRollbarSenderEndpointTest {

  private static final String ROLLBARS_OWN = ConfigBuilder.withAccessToken("token").build().endpoint();

  @Test
  void aBlankEndpointIsRollbarsOwn() {
    assertEquals(ROLLBARS_OWN, endpointBuiltFrom(" "));
    assertEquals(ROLLBARS_OWN, endpointBuiltFrom(""));
  }

  @Test
  void noEndpointIsRollbarsOwn() {
    assertEquals(ROLLBARS_OWN, endpointBuiltFrom(null));
  }

  @Test
  void aConfiguredEndpointIsKept() {
    assertEquals("http://127.0.0.1:9/api/1/item/", endpointBuiltFrom("http://127.0.0.1:9/api/1/item/"));
  }

  private static String endpointBuiltFrom(String endpoint) {
    Config config = BoundedRollbarSender.build(ConfigBuilder.withAccessToken("token").endpoint(endpoint),
        RollbarSenderSettings.DEFAULTS);
    try {
      return config.endpoint();
    } finally {
      ((BoundedRollbarSender) config.sender()).close(false);
    }
  }
}
