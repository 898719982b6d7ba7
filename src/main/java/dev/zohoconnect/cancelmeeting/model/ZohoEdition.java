package dev.zohoconnect.cancelmeeting.model;

import io.camunda.connector.generator.java.annotation.DropdownItem;

/**
 * Zoho CRM editions, by the number of API calls Zoho lets one org's client have in flight at once;
 * beyond it Zoho answers {@code 429 TOO_MANY_REQUESTS}. The connector never has more calls to one
 * org in flight than the edition allows.
 */
public enum ZohoEdition {
  @DropdownItem(label = "Free (5 concurrent calls)", order = 0)
  FREE(5),
  @DropdownItem(label = "Standard (10 concurrent calls)", order = 1)
  STANDARD(10),
  @DropdownItem(label = "Professional (15 concurrent calls)", order = 2)
  PROFESSIONAL(15),
  @DropdownItem(label = "Enterprise (20 concurrent calls)", order = 3)
  ENTERPRISE(20),
  @DropdownItem(label = "Ultimate (25 concurrent calls)", order = 4)
  ULTIMATE(25);

  /** The smallest allowance: safe whatever the org's edition. */
  public static final ZohoEdition SAFEST = FREE;

  private final int concurrentCalls;

  ZohoEdition(int concurrentCalls) {
    this.concurrentCalls = concurrentCalls;
  }

  /** Calls Zoho lets the org's client have in flight at once. */
  public int concurrentCalls() {
    return concurrentCalls;
  }
}
