package dev.zohoconnect.cancelmeeting.auth;

/** Hands out the access token for one set of credentials. */
public sealed interface AccessTokenSource permits FixedAccessToken, RefreshingAccessToken {

  /** A token believed valid now. */
  IssuedToken current();

  /** Whether {@link #renewAfterRejection} can produce a different token. */
  boolean canRenew();

  /**
   * Called when Zoho answered {@code INVALID_TOKEN} to {@code rejected}: returns a fresh token,
   * refreshing at most once however many callers saw the same rejection.
   */
  IssuedToken renewAfterRejection(IssuedToken rejected);
}
