package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;

/**
 * Hands out the access token for one set of credentials. A caller never waits past its own
 * {@code deadline}, and a refresh it makes takes at most its own {@code timeouts}.
 */
public sealed interface AccessTokenSource permits FixedAccessToken, RefreshingAccessToken {

  /** A token believed valid now. */
  IssuedToken current(CallTimeouts timeouts, Deadline deadline);

  /** Whether {@link #renewAfterRejection} can produce a different token. */
  boolean canRenew();

  /**
   * Called when Zoho answered {@code INVALID_TOKEN} to {@code rejected}: returns a fresh token,
   * refreshing at most once however many callers saw the same rejection.
   */
  IssuedToken renewAfterRejection(IssuedToken rejected, CallTimeouts timeouts, Deadline deadline);
}
