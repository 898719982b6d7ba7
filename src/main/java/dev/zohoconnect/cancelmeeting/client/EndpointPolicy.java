package dev.zohoconnect.cancelmeeting.client;

import dev.zohoconnect.cancelmeeting.auth.DataCenter;
import dev.zohoconnect.cancelmeeting.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.auth.ZohoAuthentication;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Decides where a token may be sent. A token goes to Zoho's hosts for the chosen data center, or
 * to hosts the user named explicitly; and never in clear text over a network.
 */
public final class EndpointPolicy {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]+");

  /**
   * Base URLs that passed {@link #checkedBaseUrl}, with their normalised form. The checks depend on
   * the text alone, and a runtime sees a handful of distinct URLs, so each is checked once rather
   * than on every job. Bounded: past the limit the memory starts afresh.
   */
  private static final int MAX_CHECKED = 256;

  private static final ConcurrentMap<String, URI> CHECKED = new ConcurrentHashMap<>();

  private EndpointPolicy() {}

  public static ZohoEndpoints resolve(
      DataCenter dataCenter, ZohoAuthentication authentication, EndpointOverride override) {
    if (!override.isEnabled()) {
      return new ZohoEndpoints(dataCenter.accountsUrl(), dataCenter.apiDomain(), false);
    }
    URI api = checkedBaseUrl("endpoints.apiBaseUrl", "API base URL", override.apiBaseUrl());
    URI accounts =
        authentication instanceof RefreshTokenAuthentication
            ? checkedBaseUrl("endpoints.accountsUrl", "Accounts URL", override.accountsUrl())
            : dataCenter.accountsUrl();
    return new ZohoEndpoints(accounts, api, true);
  }

  static boolean isZohoApiUrl(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme())
        && uri.getUserInfo() == null
        && DataCenter.isZohoApiHost(uri.getHost());
  }

  /**
   * A base URL: https (http only on loopback), a host, no credentials, no query or fragment, and
   * no path beyond "/", since the connector appends Zoho's paths itself.
   */
  static URI checkedBaseUrl(String field, String label, String value) {
    URI known = value == null ? null : CHECKED.get(value);
    if (known != null) {
      return known;
    }
    URI checked = check(field, label, value);
    if (CHECKED.size() >= MAX_CHECKED) {
      CHECKED.clear();
    }
    CHECKED.put(value, checked);
    return checked;
  }

  private static URI check(String field, String label, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(field, label, "is required when custom Zoho endpoints are used");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw invalid(field, label, "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw invalid(field, label, "must be an absolute https:// URL such as https://sandbox.zohoapis.com");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw invalid(
          field, label, "must use https: plain http would expose the token (allowed only for localhost)");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(field, label, "must not contain credentials (user:password@)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(field, label, "must not contain a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/")) {
      throw invalid(field, label, "must be a base URL without a path (the connector adds /crm/...)");
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: resolving a name here would let DNS decide where a token goes.
    if (!IP_LITERAL.matcher(bare).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static ConnectorInputException invalid(String field, String label, String problem) {
    return new ConnectorInputException(field + " (" + label + ") " + problem + ".");
  }
}
