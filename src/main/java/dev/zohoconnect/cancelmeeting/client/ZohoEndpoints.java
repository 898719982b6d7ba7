package dev.zohoconnect.cancelmeeting.client;

import java.net.URI;

/**
 * Where the calls go.
 *
 * @param accountsUrl the OAuth server (unused with a fixed access token)
 * @param apiBaseUrl the CRM API host
 * @param custom true when the user overrode Zoho's hosts; then no host a token response names can
 *     redirect the calls
 */
public record ZohoEndpoints(URI accountsUrl, URI apiBaseUrl, boolean custom) {

  /**
   * The API host to call with a token: the one Zoho named with the token when it is one of Zoho's
   * own hosts (tokens belong to one data center and Zoho knows which), otherwise the configured
   * one.
   */
  public URI apiBaseFor(URI tokenApiDomain) {
    if (custom || tokenApiDomain == null) {
      return apiBaseUrl;
    }
    return EndpointPolicy.isZohoApiUrl(tokenApiDomain) ? tokenApiDomain : apiBaseUrl;
  }
}
