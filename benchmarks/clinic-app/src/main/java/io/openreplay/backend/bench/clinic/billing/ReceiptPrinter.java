package io.openreplay.backend.bench.clinic.billing;

import io.openreplay.backend.bench.clinic.model.OrderStatus;
import io.openreplay.backend.bench.clinic.model.PharmacyOrder;
import org.springframework.stereotype.Component;

/** Renders the receipt of a paid order. */
@Component
public class ReceiptPrinter {

  /** Creates the printer. */
  public ReceiptPrinter() {
  }

  /**
   * @param order the order
   * @return the receipt's text
   * @throws IllegalStateException when the order is not paid, which no page guards against
   */
  public String receipt(PharmacyOrder order) {
    if (order.getStatus() != OrderStatus.PAID) {
      throw new IllegalStateException("no receipt for order " + order.getId() + ": it is " + order.getStatus());
    }
    return "Receipt for order " + order.getId() + ": " + order.getQuantity() + " x " + order.getItem();
  }
}
