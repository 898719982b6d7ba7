package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.http.CallTimeouts;

/**
 * Where access tokens come from: Zoho's accounts server ({@link OAuthTokenClient}), or a stand-in
 * that a test controls call by call.
 */
@FunctionalInterface
interface TokenIssuer {

  /**
   * A fresh access token for {@code grant}, asked for within {@code timeouts}. A refusal the
   * accounts server sent carries its HTTP status; a call that got no answer carries none.
   */
  IssuedToken refresh(OAuthTokenClient.Grant grant, CallTimeouts timeouts);
}
