package io.openreplay.backend.bench.clinic.billing;

/** The card processor did not take the charge. */
public class CardDeclinedException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what the processor answered
   * @param cause what went wrong on the way, if anything
   */
  public CardDeclinedException(String message, Throwable cause) {
    super(message, cause);
  }
}
