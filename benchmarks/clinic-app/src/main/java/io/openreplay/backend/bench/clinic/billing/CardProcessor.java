package io.openreplay.backend.bench.clinic.billing;

import java.net.SocketTimeoutException;
import org.springframework.stereotype.Component;

/**
 * The clinic's link to its card processor. This installation has none configured, so every charge fails the way an
 * unreachable processor fails: with a read time-out.
 */
@Component
public class CardProcessor {

  /** The processor this installation uses: none. */
  public CardProcessor() {
  }

  /**
   * Charges an amount.
   *
   * @param reference the order reference shown on the owner's statement
   * @param amountCents the amount, in cents
   * @return the processor's transaction id
   * @throws CardDeclinedException always, here: the processor does not answer
   */
  public String charge(String reference, long amountCents) throws CardDeclinedException {
    SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
    throw new CardDeclinedException("card processor did not answer for " + reference + " (" + amountCents
        + " cents)", timeout);
  }
}
