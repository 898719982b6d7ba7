package dev.zohoconnect.emulator.oauth;

import java.time.Duration;

/** What Zoho's accounts server answers to a refresh-token grant. */
public sealed interface TokenGrant {

  /**
   * @param expiresIn the token's lifetime from now, as announced in {@code expires_in}
   */
  record Issued(AccessToken token, Duration expiresIn) implements TokenGrant {}

  /**
   * A refusal. Zoho sends it with HTTP 200, so clients must look for {@code access_token}, not at
   * the status.
   *
   * @param description Zoho adds one only for some errors; {@code null} otherwise
   */
  record Refused(String error, String description) implements TokenGrant {

    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_CODE = "invalid_code";
    public static final String ACCESS_DENIED = "Access Denied";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    static Refused invalidClient() {
      return new Refused(INVALID_CLIENT, null);
    }

    static Refused invalidCode() {
      return new Refused(INVALID_CODE, null);
    }

    static Refused tooManyRefreshes() {
      return new Refused(
          ACCESS_DENIED,
          "You have made too many requests continuously. Please try again after some time.");
    }
  }
}
