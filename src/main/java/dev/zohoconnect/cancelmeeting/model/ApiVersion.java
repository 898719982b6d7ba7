package dev.zohoconnect.cancelmeeting.model;

import io.camunda.connector.generator.java.annotation.DropdownItem;

/** The Zoho CRM API versions that offer the cancel action with the same request. */
public enum ApiVersion {
  @DropdownItem(label = "v7", order = 0)
  V7("v7"),
  @DropdownItem(label = "v8 (adds 'Cancelled by')", order = 1)
  V8("v8");

  private final String pathSegment;

  ApiVersion(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  public String pathSegment() {
    return pathSegment;
  }
}
