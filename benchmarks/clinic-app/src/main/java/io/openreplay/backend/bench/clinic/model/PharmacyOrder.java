package io.openreplay.backend.bench.clinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Medication or food an owner ordered at the clinic's pharmacy for one of their pets. */
@Entity
@Table(name = "pharmacy_orders")
public class PharmacyOrder {

  @Id
  private Integer id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Pet pet;

  private String item;

  private int quantity;

  private long amountCents;

  private LocalDate placedOn;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  /** For JPA. */
  public PharmacyOrder() {
  }

  public Integer getId() {
    return id;
  }

  public Pet getPet() {
    return pet;
  }

  public String getItem() {
    return item;
  }

  public int getQuantity() {
    return quantity;
  }

  public long getAmountCents() {
    return amountCents;
  }

  public LocalDate getPlacedOn() {
    return placedOn;
  }

  public OrderStatus getStatus() {
    return status;
  }

  /**
   * @param status the order's new status
   */
  public void setStatus(OrderStatus status) {
    this.status = status;
  }
}
