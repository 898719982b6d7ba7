package dev.zohoconnect.cancelmeeting.model;

import io.camunda.connector.generator.java.annotation.DropdownItem;

/**
 * The environments of a Zoho CRM org, as Zoho's own SDKs model them: each data center serves its
 * production org at {@code www.zohoapis.<tld>}, its sandbox at {@code sandbox.zohoapis.<tld>} and
 * its developer edition at {@code developer.zohoapis.<tld>}, while OAuth stays with the data
 * center's accounts server. Choosing one therefore needs no custom URL, and no runtime allowance.
 */
public enum ZohoEnvironment {
  @DropdownItem(label = "Production", order = 0)
  PRODUCTION("www."),
  @DropdownItem(label = "Sandbox", order = 1)
  SANDBOX("sandbox."),
  @DropdownItem(label = "Developer", order = 2)
  DEVELOPER("developer.");

  private final String hostPrefix;

  ZohoEnvironment(String hostPrefix) {
    this.hostPrefix = hostPrefix;
  }

  /** What precedes {@code zohoapis.<tld>} in this environment's API host, e.g. {@code sandbox.}. */
  public String hostPrefix() {
    return hostPrefix;
  }
}
