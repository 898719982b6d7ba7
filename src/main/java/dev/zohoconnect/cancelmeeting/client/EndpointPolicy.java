package dev.zohoconnect.cancelmeeting.client;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.ZohoAuthentication;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a token may be sent. Zoho's own hosts are always allowed; any other origin only
 * when the runtime's operator lists it in {@link RuntimeSettings#ALLOWED_ORIGINS}, so whoever can
 * set a process variable can choose among those origins but never add one. Plain http is allowed
 * only on loopback, listed or not: a token in clear text over a network is never acceptable.
 *
 * <p>Built once per connector instance from the runtime's settings; a changed setting takes effect
 * when the runtime restarts.
 */
public final class EndpointPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointPolicy.class);

  private static final Field API_BASE_URL = new Field("endpoints.apiBaseUrl", "API base URL");
  private static final Field ACCOUNTS_URL = new Field("endpoints.accountsUrl", "Accounts URL");

  /**
   * Base URLs that passed {@link #checkedBaseUrl}, with their normalised form. The verdict depends
   * on the text and this instance's allowance alone (no DNS, no clock), and a runtime sees a
   * handful of distinct URLs, so each is checked once rather than on every job. Bounded: past the
   * limit the memory starts afresh. Refusals are not remembered; they end the job anyway.
   */
  private static final int MAX_CHECKED = 256;

  private final ConcurrentMap<String, URI> checked = new ConcurrentHashMap<>();
  private final AllowedOrigins allowed;

  private EndpointPolicy(AllowedOrigins allowed) {
    this.allowed = allowed;
  }

  /** The policy of a runtime with these settings, read now. */
  public static EndpointPolicy from(RuntimeSettings settings) {
    AllowedOrigins allowed = AllowedOrigins.parse(settings.get(RuntimeSettings.ALLOWED_ORIGINS));
    for (String problem : allowed.ignored()) {
      LOG.warn("{}: {}; this entry allows nothing.", settingName(), problem);
    }
    return new EndpointPolicy(allowed);
  }

  /** Where the calls for this request go, or a {@link ConnectorInputException} naming the field. */
  public ZohoEndpoints resolve(CancelMeetingRequest request) {
    return resolve(
        request.dataCenter(),
        request.zohoEnvironmentOrDefault(),
        request.authentication(),
        request.endpointsOrNone());
  }

  public ZohoEndpoints resolve(
      DataCenter dataCenter,
      ZohoEnvironment environment,
      ZohoAuthentication authentication,
      EndpointOverride override) {
    if (!override.isEnabled()) {
      return new ZohoEndpoints.OfDataCenter(dataCenter, environment);
    }
    URI api = checkedBaseUrl(API_BASE_URL, override.apiBaseUrl());
    URI accounts =
        authentication instanceof RefreshTokenAuthentication
            ? checkedBaseUrl(ACCOUNTS_URL, override.accountsUrl())
            : dataCenter.accountsUrl();
    return new ZohoEndpoints.Custom(accounts, api);
  }

  private URI checkedBaseUrl(Field field, String value) {
    URI known = value == null ? null : checked.get(value);
    if (known != null) {
      return known;
    }
    URI accepted = check(field, value);
    if (checked.size() >= MAX_CHECKED) {
      checked.clear();
    }
    checked.put(value, accepted);
    return accepted;
  }

  /**
   * A base URL: https (http only on loopback), a host, no credentials, no query or fragment, no
   * path beyond "/" (the connector appends Zoho's paths itself), and an origin that is Zoho's or
   * allowed by the runtime.
   */
  private URI check(Field field, String value) {
    if (value == null || value.isBlank()) {
      throw field.invalid("is required when custom Zoho endpoints are used");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw field.invalid("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw field.invalid("must be an absolute https:// URL such as https://proxy.example.com");
    }
    if (uri.getRawUserInfo() != null) {
      throw field.invalid("must not contain credentials (user:password@)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw field.invalid("must not contain a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/")) {
      throw field.invalid("must be a base URL without a path (the connector adds /crm/...)");
    }
    Origin origin = Origin.of(uri);
    if (scheme.equals("http") && !Loopback.isLoopbackHost(origin.host())) {
      throw field.invalid(
          "must use https: plain http would expose the token (allowed only for localhost,"
              + " 127.x.x.x and [::1])");
    }
    if (!(scheme.equals("https") && DataCenter.isZohoHost(origin.host()))
        && !allowed.allows(origin)) {
      throw field.invalid(notAllowed(origin));
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  private String notAllowed(Origin origin) {
    String listed =
        allowed.origins().isEmpty() ? "which lists no origin" : "which does not list this one";
    String ignored =
        allowed.ignored().isEmpty()
            ? ""
            : " ("
                + allowed.ignored().size()
                + " of its entries could not be read; the runtime's log says why)";
    return "points at "
        + origin
        + ", which this connector runtime does not allow. Zoho's own hosts are always allowed (for"
        + " a sandbox or developer org choose the Zoho environment instead); any other origin must"
        + " be allowed by the runtime's operator in "
        + settingName()
        + ", "
        + listed
        + ignored;
  }

  private static String settingName() {
    return RuntimeSettings.ALLOWED_ORIGINS.environmentVariable()
        + " (system property "
        + RuntimeSettings.ALLOWED_ORIGINS.systemProperty()
        + ")";
  }

  /** A template field a URL comes from, as an input error names it. */
  private record Field(String path, String label) {
    ConnectorInputException invalid(String problem) {
      return new ConnectorInputException(path + " (" + label + ") " + problem + ".");
    }
  }
}
