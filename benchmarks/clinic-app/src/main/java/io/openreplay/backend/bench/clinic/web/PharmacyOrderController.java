package io.openreplay.backend.bench.clinic.web;

import io.openreplay.backend.bench.clinic.billing.CardDeclinedException;
import io.openreplay.backend.bench.clinic.billing.PaymentService;
import io.openreplay.backend.bench.clinic.billing.ReceiptPrinter;
import io.openreplay.backend.bench.clinic.data.PharmacyOrderRepository;
import io.openreplay.backend.bench.clinic.model.PharmacyOrder;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A pharmacy order: its page, paying it (which fails in this installation: the error is logged with its stack trace
 * and the owner gets a 500 page) and its receipt (which throws for an unpaid order, uncaught).
 */
@Controller
public class PharmacyOrderController {

  private static final Logger LOG = LoggerFactory.getLogger(PharmacyOrderController.class);

  private final PharmacyOrderRepository orders;
  private final PaymentService payments;
  private final ReceiptPrinter receipts;

  /**
   * @param orders the orders
   * @param payments pays them
   * @param receipts prints their receipts
   */
  public PharmacyOrderController(PharmacyOrderRepository orders, PaymentService payments, ReceiptPrinter receipts) {
    this.orders = orders;
    this.payments = payments;
    this.receipts = receipts;
  }

  /**
   * @param id the order's id
   * @param model the page's model
   * @return the order's page
   */
  @GetMapping("/orders/{id}")
  public String show(@PathVariable int id, Model model) {
    model.addAttribute("order", find(id));
    return "orders/detail";
  }

  /**
   * @param id the order's id
   * @param model the page's model
   * @param response answered with 500 when the payment fails
   * @return the owner's page after payment, or the payment-failed page
   */
  @PostMapping("/orders/{id}/payment")
  public String pay(@PathVariable int id, Model model, HttpServletResponse response) {
    PharmacyOrder order = find(id);
    try {
      payments.pay(order);
      return "redirect:/owners/" + order.getPet().getOwner().getId();
    } catch (CardDeclinedException exception) {
      LOG.error("payment failed for order {}", id, exception);
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      model.addAttribute("order", order);
      return "orders/payment-failed";
    }
  }

  /**
   * @param id the order's id
   * @return the receipt, as text; an unpaid order's throws
   */
  @GetMapping("/orders/{id}/receipt")
  @ResponseBody
  public String receipt(@PathVariable int id) {
    return receipts.receipt(find(id));
  }

  private PharmacyOrder find(int id) {
    return orders.findWithPetById(id).orElseThrow(() -> new NotFoundException("order " + id));
  }
}
