package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.Generations;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the Log4j 2 advice decides from the two values of an event's context data: whether they describe the current
 * token already, and the prefix they make, for each generation and prefix mode.
 */
class ContextDataTokenTest {

  private static final SessionToken TOKEN = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);

  @Test
  void bothKeysOfTheTokenAreNeededByDefault() {
    assertTrue(ContextDataToken.describes(Tokens.CONTRACT_TOKEN, Tokens.CONTRACT_ID, TOKEN));
    assertFalse(ContextDataToken.describes(null, null, TOKEN));
    assertFalse(ContextDataToken.describes(Tokens.CONTRACT_TOKEN, null, TOKEN));
    assertFalse(ContextDataToken.describes(other().token(), other().sessionId(), TOKEN), "another session's keys");
  }

  @Test
  void aKeyNotWrittenMayHoldOnlyTheTokensOwnValue() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.G2, PrefixMode.ERRORS);
    assertTrue(ContextDataToken.describes(null, Tokens.CONTRACT_ID, TOKEN));
    assertTrue(ContextDataToken.describes(Tokens.CONTRACT_TOKEN, Tokens.CONTRACT_ID, TOKEN));
    assertFalse(ContextDataToken.describes(other().token(), Tokens.CONTRACT_ID, TOKEN));
  }

  @Test
  void thePrefixComesFromTheValuesForErrorsOnlyByDefault() {
    assertEquals(prefix(), ContextDataToken.prefix(Tokens.CONTRACT_TOKEN, Tokens.CONTRACT_ID, true));
    assertNull(ContextDataToken.prefix(Tokens.CONTRACT_TOKEN, Tokens.CONTRACT_ID, false));
    assertNull(ContextDataToken.prefix(null, null, true));
    assertNull(ContextDataToken.prefix(42, new Object(), true), "values that are not text carry nothing");
    assertNull(ContextDataToken.prefix("<script>", null, true), "an invalid value carries nothing");
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.ALL);
    assertEquals(prefix(), ContextDataToken.prefix(Tokens.CONTRACT_TOKEN, null, false), "the id derived");
  }

  @AfterEach
  void defaults() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.ERRORS);
  }

  private static SessionToken other() {
    return SessionToken.parseOrNull(Tokens.forSession(123456789L));
  }

  private static String prefix() {
    return "[" + SessionToken.TOKEN_KEY + "=" + Tokens.CONTRACT_TOKEN + "] [" + SessionToken.SESSION_ID_KEY + "="
        + Tokens.CONTRACT_ID + "] ";
  }
}
