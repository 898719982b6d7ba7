package dev.zohoconnect.cancelmeeting.auth;

import io.camunda.connector.generator.java.annotation.DropdownItem;
import java.net.URI;

/**
 * Zoho's data centers. A Zoho account lives in exactly one; its OAuth client, tokens and API host
 * all belong to it, so choosing the data center once derives both URLs and rules out the most
 * common Zoho misconfiguration (an EU client sent to the US accounts server: {@code invalid_client}).
 */
public enum DataCenter {
  @DropdownItem(label = "United States (zoho.com)", order = 0)
  US("https://accounts.zoho.com", "https://www.zohoapis.com"),
  @DropdownItem(label = "Europe (zoho.eu)", order = 1)
  EU("https://accounts.zoho.eu", "https://www.zohoapis.eu"),
  @DropdownItem(label = "India (zoho.in)", order = 2)
  IN("https://accounts.zoho.in", "https://www.zohoapis.in"),
  @DropdownItem(label = "Australia (zoho.com.au)", order = 3)
  AU("https://accounts.zoho.com.au", "https://www.zohoapis.com.au"),
  @DropdownItem(label = "Japan (zoho.jp)", order = 4)
  JP("https://accounts.zoho.jp", "https://www.zohoapis.jp"),
  @DropdownItem(label = "Canada (zohocloud.ca)", order = 5)
  CA("https://accounts.zohocloud.ca", "https://www.zohoapis.ca"),
  @DropdownItem(label = "China (zoho.com.cn)", order = 6)
  CN("https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn"),
  @DropdownItem(label = "Saudi Arabia (zoho.sa)", order = 7)
  SA("https://accounts.zoho.sa", "https://www.zohoapis.sa");

  private final URI accountsUrl;
  private final URI apiDomain;

  DataCenter(String accountsUrl, String apiDomain) {
    this.accountsUrl = URI.create(accountsUrl);
    this.apiDomain = URI.create(apiDomain);
  }

  public URI accountsUrl() {
    return accountsUrl;
  }

  public URI apiDomain() {
    return apiDomain;
  }

  /**
   * Whether {@code host} is one of Zoho's API hosts, including the {@code sandbox.} and {@code
   * developer.} variants: the only hosts a token may be sent to unless the user overrides them.
   */
  public static boolean isZohoApiHost(String host) {
    if (host == null) {
      return false;
    }
    for (DataCenter dc : values()) {
      String apiHost = dc.apiDomain.getHost(); // www.zohoapis.<tld>
      String bare = apiHost.substring("www.".length());
      if (host.equalsIgnoreCase(apiHost)
          || host.equalsIgnoreCase("sandbox." + bare)
          || host.equalsIgnoreCase("developer." + bare)) {
        return true;
      }
    }
    return false;
  }
}
