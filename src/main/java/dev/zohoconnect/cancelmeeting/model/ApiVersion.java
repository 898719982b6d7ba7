package dev.zohoconnect.cancelmeeting.model;

import io.camunda.connector.generator.java.annotation.DropdownItem;
import java.util.Locale;

/** The Zoho CRM API versions that offer the cancel action with the same request. */
public enum ApiVersion {
  @DropdownItem(label = "v7", order = 0)
  V7,
  @DropdownItem(label = "v8 (adds 'Cancelled by')", order = 1)
  V8;

  /** The version as Zoho's URLs spell it, e.g. {@code v7} in {@code /crm/v7/Events}. */
  public String pathSegment() {
    return name().toLowerCase(Locale.ROOT);
  }
}
