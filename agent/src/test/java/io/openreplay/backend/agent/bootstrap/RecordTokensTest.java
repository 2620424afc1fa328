package io.openreplay.backend.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openreplay.backend.Generations;
import io.openreplay.backend.SessionToken;
import io.openreplay.backend.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token kept beside a java.util.logging record: taken when the record is made, for the levels the prefix mode
 * selects, rendered once before the message, and never another record's.
 */
class RecordTokensTest {

  private static final int SEVERE = 1000;
  private static final int WARNING = 900;
  private static final int INFO = 800;
  private static final SessionToken TOKEN = SessionToken.parseOrNull(Tokens.CONTRACT_TOKEN);
  private static final String PREFIX = "[openReplaySessionToken=" + Tokens.CONTRACT_TOKEN + "] [openReplaySession.id="
      + Tokens.CONTRACT_ID + "] ";

  @AfterEach
  void defaults() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.ERRORS);
  }

  private static Object madeWithToken(int level) {
    Object record = new Object();
    try (TokenScope scope = TokenScope.attach(TOKEN)) {
      RecordTokens.created(record, level);
    }
    return record;
  }

  @Test
  void warningAndAboveMadeWithATokenAreRenderedWithThePrefixOnAnyThreadLater() throws Exception {
    Object severe = madeWithToken(SEVERE);
    Object warning = madeWithToken(WARNING);
    Object info = madeWithToken(INFO);
    Object without = new Object();
    RecordTokens.created(without, SEVERE);
    String[] rendered = new String[4];
    Thread formatter = new Thread(() -> {
      rendered[0] = RecordTokens.rendered(severe, SEVERE, "failed");
      rendered[1] = RecordTokens.rendered(warning, WARNING, "slow");
      rendered[2] = RecordTokens.rendered(info, INFO, "fine");
      rendered[3] = RecordTokens.rendered(without, SEVERE, "failed");
    });
    formatter.start();
    formatter.join();
    assertEquals(List.of(PREFIX + "failed", PREFIX + "slow", "fine", "failed"), List.of(rendered));
    assertEquals(PREFIX + "failed", RecordTokens.rendered(severe, SEVERE, PREFIX + "failed"), "never twice");
    assertNull(RecordTokens.rendered(severe, SEVERE, null));
  }

  @Test
  void thePrefixModeDecidesWhichLevelsAreKept() {
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.ALL);
    assertEquals(PREFIX + "fine", RecordTokens.rendered(madeWithToken(INFO), INFO, "fine"));
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.BOTH, PrefixMode.OFF);
    assertEquals("failed", RecordTokens.rendered(madeWithToken(SEVERE), SEVERE, "failed"));
    AgentSettings.configure(AgentSettings.DEFAULT_HEADER_NAMES, Generations.G2, PrefixMode.ERRORS);
    assertEquals("[openReplaySession.id=" + Tokens.CONTRACT_ID + "] failed",
        RecordTokens.rendered(madeWithToken(SEVERE), SEVERE, "failed"));
  }

  @Test
  void aRecordWhoseSlotWasTakenOverIsRenderedWithoutAnyTokenNeverAnothers() {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      records.add(madeWithToken(SEVERE));
    }
    Object other = new Object();
    SessionToken otherToken = SessionToken.parseOrNull(Tokens.forSession(123456789L));
    try (TokenScope scope = TokenScope.attach(otherToken)) {
      RecordTokens.created(other, SEVERE);
    }
    int prefixed = 0;
    for (Object record : records) {
      String text = RecordTokens.rendered(record, SEVERE, "failed");
      if (!text.equals("failed")) {
        assertEquals(PREFIX + "failed", text);
        prefixed++;
      }
    }
    final int kept = prefixed;
    assertTrue(kept > 0 && kept <= 4096, () -> "kept " + kept + " of " + records.size());
    assertEquals(TokenKeys.prefix(otherToken) + "failed", RecordTokens.rendered(other, SEVERE, "failed"));
  }
}
