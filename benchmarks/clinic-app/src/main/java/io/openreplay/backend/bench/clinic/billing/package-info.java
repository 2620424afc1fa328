/** Paying pharmacy orders by card and printing their receipts. */
package io.openreplay.backend.bench.clinic.billing;
