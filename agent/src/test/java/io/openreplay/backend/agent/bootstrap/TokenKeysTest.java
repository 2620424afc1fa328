package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.Generations;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The keys and the message prefix written for each generation setting, with the core's token rule (which the build
 * relocates into this package's {@code core} subpackage) on the contract's vectors.
 */
class TokenKeysTest {

  private static final SessionToken TOKEN = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);
  private static final SessionToken OTHER = SessionToken.parseOrNull(Tokens.forSession(123456789L));
  private static final String PREFIX = "[openReplaySessionToken=" + Tokens.CONTRACT_TOKEN + "] [openReplaySession.id="
      + Tokens.CONTRACT_ID + "] ";

  @AfterEach
  void defaults() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.ERRORS);
  }

  @Test
  void theContractsVectorsGiveTheSessionIdAndHostileValuesNoToken() {
    assertEquals(Tokens.CONTRACT_TOKEN, TOKEN.token());
    assertEquals(Tokens.CONTRACT_ID, TOKEN.sessionId());
    for (String rejected : Tokens.rejectedCorpus()) {
      assertNull(SessionToken.parseOrNull(rejected), rejected);
    }
  }

  @Test
  void theDefaultHeadersAreTheContracts() {
    assertArrayEquals(new String[] {"X-OpenReplay-SessionToken", "X-OpenReplay-Session-Token", "openReplaySession.id"},
        AgentSettings.DEFAULT_HEADER_NAMES);
    assertSame(Generations.BOTH, AgentSettings.generations());
  }

  @Test
  void prefixServesBothGenerationsByDefault() {
    assertEquals(PREFIX + "payment failed", TokenKeys.prefixed("payment failed", TOKEN));
    assertEquals(PREFIX + "null", TokenKeys.prefixed(null, TOKEN));
    assertEquals(PREFIX + "x", TokenKeys.prefixed(PREFIX + "x", TOKEN), "never prefixed twice");
    assertEquals(PREFIX, TokenKeys.prefix(TOKEN));
  }

  @Test
  void generationsNarrowWhatIsWritten() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.G1, PrefixMode.ERRORS);
    assertEquals("[openReplaySessionToken=" + Tokens.CONTRACT_TOKEN + "] m", TokenKeys.prefixed("m", TOKEN));
    assertFalse(TokenKeys.withKeys(Map.of(), TOKEN).containsKey(SessionToken.SESSION_ID_KEY));
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.G2, PrefixMode.ERRORS);
    assertEquals("[openReplaySession.id=" + Tokens.CONTRACT_ID + "] m", TokenKeys.prefixed("m", TOKEN));
    assertFalse(TokenKeys.withKeysAsObjects(null, TOKEN).containsKey(SessionToken.TOKEN_KEY));
    assertArrayEquals(new String[] {SessionToken.SESSION_ID_KEY, Tokens.CONTRACT_ID}, TokenKeys.keysAndValues(TOKEN));
    SessionToken bare = SessionToken.parseOrNull("42");
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.G1, PrefixMode.ERRORS);
    assertEquals("m", TokenKeys.prefixed("m", bare), "nothing to write for a bare id under G1");
    assertEquals("", TokenKeys.prefix(bare));
    assertArrayEquals(new String[0], TokenKeys.keysAndValues(bare));
    assertArrayEquals(new String[] {SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN}, TokenKeys.keysAndValues(TOKEN));
  }

  @Test
  void tagsOfBothGenerationsByDefault() {
    assertArrayEquals(new String[] {SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN, SessionToken.SESSION_ID_KEY,
        Tokens.CONTRACT_ID}, TokenKeys.keysAndValues(TOKEN));
  }

  @Test
  void mapsGetBothKeysWithoutChangingTheCallersMap() {
    Map<String, String> mdc = new HashMap<>(Map.of("user", "42"));
    Map<String, String> withKeys = TokenKeys.withKeys(mdc, TOKEN);
    assertEquals(Map.of("user", "42", SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN,
        SessionToken.SESSION_ID_KEY, Tokens.CONTRACT_ID), withKeys);
    assertEquals(Map.of("user", "42"), mdc);
    assertSame(withKeys, TokenKeys.withKeys(withKeys, TOKEN), "a map that has the keys is kept");
    assertEquals(TOKEN, TokenKeys.fromMap(withKeys));
    assertEquals(Map.of(SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN, SessionToken.SESSION_ID_KEY,
        Tokens.CONTRACT_ID), TokenKeys.withKeys(null, TOKEN));
  }

  @Test
  void theKeysOfAnEventDescribeTheCurrentTokenAndNoOther() {
    Map<String, String> otherSession = Map.of(SessionToken.TOKEN_KEY, OTHER.token(),
        SessionToken.SESSION_ID_KEY, OTHER.sessionId(), "user", "42");
    assertEquals(Map.of(SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN, SessionToken.SESSION_ID_KEY,
        Tokens.CONTRACT_ID, "user", "42"), TokenKeys.withKeys(otherSession, TOKEN), "the current token wins");

    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.G1, PrefixMode.ERRORS);
    assertEquals(Map.of(SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN, "user", "42"),
        TokenKeys.withKeys(otherSession, TOKEN), "a key not written never keeps another session's value");
    Map<String, String> fromTheLibrary = Map.of(SessionToken.TOKEN_KEY, Tokens.CONTRACT_TOKEN,
        SessionToken.SESSION_ID_KEY, Tokens.CONTRACT_ID);
    assertSame(fromTheLibrary, TokenKeys.withKeys(fromTheLibrary, TOKEN),
        "the library's MDC mirror of the same token is kept as it is");

    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.ERRORS);
    assertEquals(Map.of(SessionToken.SESSION_ID_KEY, "42"),
        TokenKeys.withKeys(fromTheLibrary, SessionToken.parseOrNull("42")),
        "a bare session id leaves no token of another session beside it");
  }

  @Test
  void anInvalidMdcValueIsNotTakenForAToken() {
    assertNull(TokenKeys.fromMap(Map.of(SessionToken.TOKEN_KEY, "bad] [value")));
    assertNull(TokenKeys.fromMap(null));
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
