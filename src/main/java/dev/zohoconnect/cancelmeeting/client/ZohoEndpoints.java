package dev.zohoconnect.cancelmeeting.client;

import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import java.net.URI;
import java.util.Locale;

/**
 * Where the calls of one job go: Zoho's hosts for a data center and environment, or custom URLs.
 */
public sealed interface ZohoEndpoints {

  /** The OAuth server (unused with a fixed access token). */
  URI accountsUrl();

  /** The CRM API host configured for the job. */
  URI apiBaseUrl();

  /**
   * The API host to call with a token, given the {@code api_domain} Zoho named with it (null when
   * it named none).
   */
  URI apiBaseFor(URI tokenApiDomain);

  /**
   * Zoho's own hosts. A token answer's {@code api_domain} is followed for its data center only: a
   * token belongs to the data center Zoho issued it in, and Zoho knows that better than a modeler
   * who picked one from a list. The environment, however, is never taken from it. Zoho's accounts
   * server is the same for all environments of a data center, and its {@code api_domain} names the
   * production host; letting that override a Sandbox or Developer choice would send a process meant
   * for a test org against production, cancelling real meetings and mailing real participants. So
   * with Sandbox chosen, an {@code api_domain} of {@code https://www.zohoapis.eu} means {@code
   * https://sandbox.zohoapis.eu}; likewise a {@code sandbox.} answer never turns a Production
   * choice into the sandbox. A token Zoho bound to another environment then fails visibly (Zoho
   * refuses it) instead of acting on the wrong org.
   */
  record OfDataCenter(DataCenter dataCenter, ZohoEnvironment environment) implements ZohoEndpoints {

    @Override
    public URI accountsUrl() {
      return dataCenter.accountsUrl();
    }

    @Override
    public URI apiBaseUrl() {
      return dataCenter.apiUrl(environment);
    }

    @Override
    public URI apiBaseFor(URI tokenApiDomain) {
      if (tokenApiDomain == null
          || tokenApiDomain.getScheme() == null
          || !tokenApiDomain.getScheme().toLowerCase(Locale.ROOT).equals("https")
          || tokenApiDomain.getRawUserInfo() != null) {
        return apiBaseUrl();
      }
      return DataCenter.ofApiHost(tokenApiDomain.getHost())
          .map(issuedIn -> issuedIn.apiUrl(environment))
          .orElseGet(this::apiBaseUrl);
    }
  }

  /**
   * URLs the modeler gave and the runtime allowed. No host a token answer names can redirect the
   * calls: the configured API base URL always wins.
   */
  record Custom(URI accountsUrl, URI apiBaseUrl) implements ZohoEndpoints {

    @Override
    public URI apiBaseFor(URI tokenApiDomain) {
      return apiBaseUrl;
    }
  }
}
