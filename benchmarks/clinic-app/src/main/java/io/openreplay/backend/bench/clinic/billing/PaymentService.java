package io.openreplay.backend.bench.clinic.billing;

import io.openreplay.backend.bench.clinic.model.OrderStatus;
import io.openreplay.backend.bench.clinic.model.PharmacyOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pays pharmacy orders by card. */
@Service
public class PaymentService {

  private final CardProcessor processor;

  /**
   * @param processor the card processor that takes the charges
   */
  public PaymentService(CardProcessor processor) {
    this.processor = processor;
  }

  /**
   * Charges the order's amount and marks it paid.
   *
   * @param order an open order
   * @throws CardDeclinedException when the processor does not take the charge; the order stays open
   */
  @Transactional(rollbackFor = CardDeclinedException.class)
  public void pay(PharmacyOrder order) throws CardDeclinedException {
    processor.charge("clinic-order-" + order.getId(), order.getAmountCents());
    order.setStatus(OrderStatus.PAID);
  }
}
