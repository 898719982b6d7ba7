package dev.zohoconnect.cancelmeeting.model;

import io.camunda.connector.generator.java.annotation.DropdownItem;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Zoho's data centers. A Zoho account lives in exactly one; its OAuth client, tokens and API host
 * all belong to it, so choosing the data center once derives both URLs and rules out the most
 * common Zoho misconfiguration (an EU client sent to the US accounts server: {@code
 * invalid_client}).
 */
public enum DataCenter {
  @DropdownItem(label = "United States (zoho.com)", order = 0)
  US("zoho.com"),
  @DropdownItem(label = "Europe (zoho.eu)", order = 1)
  EU("zoho.eu"),
  @DropdownItem(label = "India (zoho.in)", order = 2)
  IN("zoho.in"),
  @DropdownItem(label = "Australia (zoho.com.au)", order = 3)
  AU("zoho.com.au"),
  @DropdownItem(label = "Japan (zoho.jp)", order = 4)
  JP("zoho.jp"),
  @DropdownItem(label = "Canada (zohocloud.ca)", order = 5)
  CA("zohocloud.ca"),
  @DropdownItem(label = "China (zoho.com.cn)", order = 6)
  CN("zoho.com.cn"),
  @DropdownItem(label = "Saudi Arabia (zoho.sa)", order = 7)
  SA("zoho.sa");

  private final URI accountsUrl;
  private final String apiZone;
  private final Map<ZohoEnvironment, URI> apiUrls = new EnumMap<>(ZohoEnvironment.class);

  /**
   * Zoho names a data center's hosts after the domain its users log in at: {@code
   * accounts.<domain>} for OAuth, and {@code zohoapis.} with the domain's top-level part for the
   * API ({@code zoho.com.au} gives {@code zohoapis.com.au}, {@code zohocloud.ca} {@code
   * zohoapis.ca}).
   */
  DataCenter(String loginDomain) {
    this.accountsUrl = URI.create("https://accounts." + loginDomain);
    this.apiZone = "zohoapis." + loginDomain.substring(loginDomain.indexOf('.') + 1);
    for (ZohoEnvironment environment : ZohoEnvironment.values()) {
      apiUrls.put(environment, URI.create("https://" + environment.hostPrefix() + apiZone));
    }
  }

  public URI accountsUrl() {
    return accountsUrl;
  }

  /** The production API host, {@code https://www.zohoapis.<tld>}. */
  public URI apiDomain() {
    return apiUrl(ZohoEnvironment.PRODUCTION);
  }

  /** The API host of one of this data center's environments. */
  public URI apiUrl(ZohoEnvironment environment) {
    return apiUrls.get(environment);
  }

  /**
   * The data center whose API host (in any environment) {@code host} is, if it is one. Case does
   * not matter; anything else about the name does (no trailing dot, no other subdomain).
   */
  public static Optional<DataCenter> ofApiHost(String host) {
    if (host == null) {
      return Optional.empty();
    }
    for (DataCenter dc : values()) {
      for (ZohoEnvironment environment : ZohoEnvironment.values()) {
        if (host.equalsIgnoreCase(environment.hostPrefix() + dc.apiZone)) {
          return Optional.of(dc);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code host} is one of Zoho's API hosts, including the {@code sandbox.} and {@code
   * developer.} variants.
   */
  public static boolean isZohoApiHost(String host) {
    return ofApiHost(host).isPresent();
  }

  /** Whether {@code host} is one of Zoho's accounts (OAuth) servers. */
  public static boolean isZohoAccountsHost(String host) {
    for (DataCenter dc : values()) {
      if (dc.accountsUrl.getHost().equalsIgnoreCase(host)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code host} is one of Zoho's own hosts this connector talks to: an accounts server or
   * an API host of any data center and environment. A token may always go there.
   */
  public static boolean isZohoHost(String host) {
    return isZohoAccountsHost(host) || isZohoApiHost(host);
  }
}
