package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;

/**
 * Hands out the access token for one set of credentials. A caller never waits past its own {@code
 * deadline}, and a refresh it makes takes at most its own {@code timeouts}.
 */
public sealed interface AccessTokenSource permits FixedAccessToken, RefreshingAccessToken {

  /**
   * Who the calls with these tokens are made for, as a SHA-256 digest of the credentials, never the
   * credentials: jobs with the same key share one org's concurrency limit.
   */
  String callerKey();

  /**
   * A token believed valid now. Throws the connector's exception when none can be had: the accounts
   * server's refusal, no time left, or a rejected token whose renewal is held back.
   */
  IssuedToken current(CallTimeouts timeouts, Deadline deadline);

  /** Whether {@link #renewAfterRejection} can produce a different token; a fixed one cannot. */
  default boolean canRenew() {
    return false;
  }

  /**
   * Called when Zoho answered {@code INVALID_TOKEN} to {@code rejected}: returns a fresh token,
   * refreshing at most once however many callers saw the same rejection. When Zoho rejects tokens
   * soon after issuing them, renewals are spaced out, and meanwhile this throws the retryable
   * {@code ZOHO_TOKEN_REJECTED}. A source that cannot renew hands out its current token again.
   */
  default IssuedToken renewAfterRejection(
      IssuedToken rejected, CallTimeouts timeouts, Deadline deadline) {
    return current(timeouts, deadline);
  }
}
