package io.openreplay.backend.bench.clinic.model;

/** Where a pharmacy order stands. */
public enum OrderStatus {
  /** Placed, not paid yet. */
  OPEN,
  /** Paid by card. */
  PAID
}
