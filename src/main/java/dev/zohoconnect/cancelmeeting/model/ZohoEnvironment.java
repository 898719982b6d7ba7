package dev.zohoconnect.cancelmeeting.model;

import io.camunda.connector.generator.java.annotation.DropdownItem;
import java.util.Locale;

/**
 * The environments of a Zoho CRM org, as Zoho's own SDKs model them: each data center serves its
 * production org at {@code www.zohoapis.<tld>}, its sandbox at {@code sandbox.zohoapis.<tld>} and
 * its developer edition at {@code developer.zohoapis.<tld>}, while OAuth stays with the data
 * center's accounts server. Choosing one therefore needs no custom URL, and no runtime allowance.
 */
public enum ZohoEnvironment {
  @DropdownItem(label = "Production", order = 0)
  PRODUCTION,
  @DropdownItem(label = "Sandbox", order = 1)
  SANDBOX,
  @DropdownItem(label = "Developer", order = 2)
  DEVELOPER;

  /**
   * What precedes {@code zohoapis.<tld>} in this environment's API host: {@code www.} for
   * production, the environment's own name otherwise, e.g. {@code sandbox.}.
   */
  public String hostPrefix() {
    return this == PRODUCTION ? "www." : name().toLowerCase(Locale.ROOT) + ".";
  }
}
