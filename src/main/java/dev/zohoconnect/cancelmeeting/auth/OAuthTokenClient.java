package dev.zohoconnect.cancelmeeting.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.http.HttpReply;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Exchanges a refresh token for an access token at Zoho's accounts server.
 *
 * <p>Zoho answers failures with HTTP 200 and an {@code error} field, so success is recognised by
 * the presence of {@code access_token}, never by the status code.
 */
public final class OAuthTokenClient implements TokenIssuer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAFE_ERROR_WORD = Pattern.compile("[A-Za-z_ ]{1,40}");

  /** Zoho's documented access-token lifetime, used when an answer states none or an absurd one. */
  private static final long ZOHO_TOKEN_LIFETIME_SECONDS = 3600;

  private static final long MAX_TOKEN_LIFETIME_SECONDS = 86_400;

  private final HttpTransport transport;
  private final Clock clock;

  public OAuthTokenClient(HttpTransport transport, Clock clock) {
    this.transport = transport;
    this.clock = clock;
  }

  /** Where and with what to refresh; {@code toString()} hides the secrets. */
  public record Grant(URI accountsUrl, String clientId, String clientSecret, String refreshToken) {
    @Override
    public String toString() {
      return "Grant[accountsUrl=%s, clientId=%s, clientSecret=%s, refreshToken=%s]"
          .formatted(accountsUrl, clientId, Secrets.REDACTED, Secrets.REDACTED);
    }
  }

  /** Asks for a fresh access token; the call takes at most {@code timeouts}. */
  @Override
  public IssuedToken refresh(Grant grant, CallTimeouts timeouts) {
    Instant requestedAt = clock.instant();
    HttpReply reply = post(grant, timeouts);
    if (reply.status() >= 300 && reply.status() < 400) {
      throw redirected(grant, reply);
    }
    if (reply.status() == 429) {
      ZohoConnectorException limited =
          oauthError(ErrorCodes.OAUTH_RATE_LIMITED, "too many requests", reply);
      throw reply.retryAfter().map(limited::withRetryAfter).orElse(limited);
    }
    JsonNode body = parse(reply);
    JsonNode token = body == null ? null : body.get("access_token");
    if (token != null && token.isTextual() && !token.asText().isBlank()) {
      if (!IssuedToken.fitsInHeader(token.asText())) {
        // Never quoted: it is a credential, however garbled.
        throw oauthError(
            ErrorCodes.OAUTH_UNAVAILABLE, "an access token no header can carry", reply);
      }
      return issued(body, token.asText(), requestedAt);
    }
    throw failure(reply, body);
  }

  private HttpReply post(Grant grant, CallTimeouts timeouts) {
    String form =
        "grant_type=refresh_token&client_id=%s&client_secret=%s&refresh_token=%s"
            .formatted(
                encode(grant.clientId()),
                encode(grant.clientSecret()),
                encode(grant.refreshToken()));
    HttpRequest request =
        HttpRequest.newBuilder(grant.accountsUrl().resolve("/oauth/v2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return transport.send(request, timeouts);
    } catch (TransportFailure e) {
      throw ZohoConnectorException.of(
          ErrorCodes.OAUTH_UNAVAILABLE,
          "Zoho's accounts server at "
              + grant.accountsUrl().getHost()
              + " failed: "
              + e.getMessage()
              + ".",
          null,
          null,
          e);
    }
  }

  // Zoho dates the token from when it issued it; counting from before the request keeps the
  // local expiry on the safe side whatever the network delay.
  private IssuedToken issued(JsonNode body, String token, Instant requestedAt) {
    long expiresIn = body.path("expires_in").asLong(ZOHO_TOKEN_LIFETIME_SECONDS);
    if (expiresIn <= 0 || expiresIn > MAX_TOKEN_LIFETIME_SECONDS) {
      // Not a lifetime Zoho gives; believing it would overflow the clock or refresh per call.
      expiresIn = ZOHO_TOKEN_LIFETIME_SECONDS;
    }
    URI apiDomain = null;
    String domain = body.path("api_domain").asText("");
    if (!domain.isBlank()) {
      try {
        apiDomain = URI.create(domain.trim());
      } catch (IllegalArgumentException ignored) {
        apiDomain = null; // an unusable api_domain is ignored: the data center's host applies
      }
    }
    return new IssuedToken(token, apiDomain, requestedAt.plusSeconds(expiresIn));
  }

  private static JsonNode parse(HttpReply reply) {
    if (reply.body().isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(reply.body());
      return node != null && node.isObject() ? node : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static ZohoConnectorException failure(HttpReply reply, JsonNode body) {
    String error = body == null ? "" : body.path("error").asText("");
    String raw = reply.body();
    if ("invalid_client".equals(error)) {
      return oauthError(ErrorCodes.OAUTH_INVALID_CLIENT, "invalid_client", reply);
    }
    if ("invalid_code".equals(error) || "invalid_grant".equals(error)) {
      return oauthError(ErrorCodes.OAUTH_INVALID_REFRESH_TOKEN, error, reply);
    }
    if (error.toLowerCase().contains("access denied") || raw.contains("Access Denied")) {
      return oauthError(ErrorCodes.OAUTH_RATE_LIMITED, "Access Denied", reply);
    }
    if (!error.isBlank()) {
      return oauthError(ErrorCodes.OAUTH_ERROR, error, reply);
    }
    return oauthError(
        ErrorCodes.OAUTH_UNAVAILABLE,
        reply.isServerError() ? "server error" : "an answer without access_token",
        reply);
  }

  // The client follows no redirect: a refresh token re-sent to wherever a Location header points
  // would be handed to a host nobody configured. Zoho's token endpoint never redirects, so a 3xx
  // means the accounts URL (or a proxy in front of it) is wrong, which no retry mends.
  private static ZohoConnectorException redirected(Grant grant, HttpReply reply) {
    return ZohoConnectorException.of(
        ErrorCodes.OAUTH_ERROR,
        "Zoho's accounts server at "
            + grant.accountsUrl().getHost()
            + " answered the token request"
            + " with a redirect (HTTP "
            + reply.status()
            + "), which is not followed, so the"
            + " credentials were sent nowhere else. Check the accounts URL: it must be the data"
            + " center's accounts server itself.",
        reply.status(),
        null,
        null);
  }

  // Only an error word shaped like Zoho's (invalid_client, Access Denied) is quoted, and the raw
  // body never: an accounts server or proxy that reflects the submitted form back would otherwise
  // put the client secret and refresh token into an incident.
  private static ZohoConnectorException oauthError(String code, String zohoError, HttpReply reply) {
    String shown =
        SAFE_ERROR_WORD.matcher(zohoError).matches() ? zohoError : "an unrecognised error";
    return ZohoConnectorException.of(
        code,
        "Zoho's accounts server refused to issue an access token: "
            + shown
            + " (HTTP "
            + reply.status()
            + ").",
        reply.status(),
        null,
        null);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
