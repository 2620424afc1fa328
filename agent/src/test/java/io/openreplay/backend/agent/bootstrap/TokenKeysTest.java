package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keys and the message prefix written for each generation setting. */
class TokenKeysTest {

  private static final OpenReplayToken TOKEN =
      OpenReplayToken.parse("jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q");
  private static final String PREFIX = "[openReplaySessionToken=" + TOKEN.token() + "] [openReplaySession.id="
      + "2618307011354435587] ";

  @AfterEach
  void defaults() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, true, true, PrefixMode.ERRORS);
  }

  @Test
  void prefixServesBothGenerationsByDefault() {
    assertEquals(PREFIX + "payment failed", TokenKeys.prefixed("payment failed", TOKEN));
    assertEquals(PREFIX + "null", TokenKeys.prefixed(null, TOKEN));
    assertEquals(PREFIX + "x", TokenKeys.prefixed(PREFIX + "x", TOKEN), "never prefixed twice");
  }

  @Test
  void generationsNarrowWhatIsWritten() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, true, false, PrefixMode.ERRORS);
    assertEquals("[openReplaySessionToken=" + TOKEN.token() + "] m", TokenKeys.prefixed("m", TOKEN));
    assertFalse(TokenKeys.withKeys(Map.of(), TOKEN).containsKey(OpenReplayToken.SESSION_ID_KEY));
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, false, true, PrefixMode.ERRORS);
    assertEquals("[openReplaySession.id=2618307011354435587] m", TokenKeys.prefixed("m", TOKEN));
    assertFalse(TokenKeys.withKeysAsObjects(null, TOKEN).containsKey(OpenReplayToken.TOKEN_KEY));
  }

  @Test
  void mapsGetBothKeysWithoutChangingTheCallersMap() {
    Map<String, String> mdc = new HashMap<>(Map.of("user", "42"));
    Map<String, String> withKeys = TokenKeys.withKeys(mdc, TOKEN);
    assertEquals(Map.of("user", "42", "openReplaySessionToken", TOKEN.token(),
        "openReplaySession.id", "2618307011354435587"), withKeys);
    assertEquals(Map.of("user", "42"), mdc);
    assertSame(withKeys, TokenKeys.withKeys(withKeys, TOKEN), "a map that has the keys is kept");
    assertEquals(TOKEN.token(), TokenKeys.fromMap(withKeys).token());
  }

  @Test
  void anInvalidMdcValueIsNotTakenForAToken() {
    assertEquals(null, TokenKeys.fromMap(Map.of("openReplaySessionToken", "bad] [value")));
  }

  @Test
  void prefixModes() {
    assertTrue(PrefixMode.parse(null).applies(true));
    assertFalse(PrefixMode.parse("errors").applies(false));
    assertTrue(PrefixMode.parse("ALL").applies(false));
    assertFalse(PrefixMode.parse("off").applies(true));
    assertEquals(PrefixMode.ERRORS, PrefixMode.parse("nonsense"));
  }
}
