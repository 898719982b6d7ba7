package dev.zohoconnect.cancelmeeting.auth;

import java.net.URI;
import java.time.Instant;

/**
 * An access token and where to use it.
 *
 * @param value the token, sent as {@code Authorization: Zoho-oauthtoken <value>}
 * @param apiDomain the API host Zoho named with the token, or null when it named none
 * @param expiresAt when Zoho stops accepting it, or {@link Instant#MAX} when unknown
 */
public record IssuedToken(String value, URI apiDomain, Instant expiresAt) {

  /**
   * Whether {@code value} can be sent in an HTTP header as it is: visible ASCII only, as every Zoho
   * token is. Anything else (a line break pasted along with a secret, a control character, a
   * non-Latin letter) would make the request builder throw, quoting the token in its message.
   */
  public static boolean fitsInHeader(String value) {
    return value != null && !value.isEmpty() && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  public boolean isUsableAt(Instant now, java.time.Duration margin) {
    return now.plus(margin).isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "IssuedToken[value="
        + Secrets.REDACTED
        + ", apiDomain="
        + apiDomain
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
