package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cached access token of one refresh token, shared by every job that uses the same
 * credentials.
 *
 * <p>Zoho allows 10 refreshes per refresh token in 10 minutes, so refreshing is single-flight: the
 * first caller that finds the token stale refreshes, every caller arriving meanwhile waits for that
 * same result. A failed refresh is remembered for a short cool-down so that a burst of jobs with,
 * say, a revoked token asks Zoho once, not once per job.
 */
public final class RefreshingAccessToken implements AccessTokenSource {

  /** Renew this long before expiry, so a token never expires between check and use. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  static final Duration FAILURE_COOL_DOWN = Duration.ofSeconds(10);

  /** After Zoho's "Access Denied" for too many refreshes, asking again soon only prolongs it. */
  static final Duration RATE_LIMIT_COOL_DOWN = Duration.ofSeconds(60);

  private final OAuthTokenClient oauth;
  private final OAuthTokenClient.Grant grant;
  private final Clock clock;

  private IssuedToken token;
  private CompletableFuture<IssuedToken> refreshing;
  private ZohoConnectorException lastFailure;
  private Instant lastFailureAt = Instant.MIN;

  RefreshingAccessToken(OAuthTokenClient oauth, OAuthTokenClient.Grant grant, Clock clock) {
    this.oauth = oauth;
    this.grant = grant;
    this.clock = clock;
  }

  @Override
  public IssuedToken current(CallTimeouts timeouts, Deadline deadline) {
    return obtain(null, timeouts);
  }

  @Override
  public boolean canRenew() {
    return true;
  }

  @Override
  public IssuedToken renewAfterRejection(
      IssuedToken rejected, CallTimeouts timeouts, Deadline deadline) {
    return obtain(rejected, timeouts);
  }

  private IssuedToken obtain(IssuedToken rejected, CallTimeouts timeouts) {
    CompletableFuture<IssuedToken> flight;
    boolean leader = false;
    synchronized (this) {
      if (token != null && token != rejected && token.isUsableAt(clock.instant(), RENEW_BEFORE_EXPIRY)) {
        return token;
      }
      if (refreshing == null) {
        if (lastFailure != null && clock.instant().isBefore(lastFailureAt.plus(coolDown(lastFailure)))) {
          throw lastFailure;
        }
        refreshing = new CompletableFuture<>();
        leader = true;
      }
      flight = refreshing;
    }
    if (leader) {
      refresh(flight, timeouts);
    }
    try {
      return flight.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Duration coolDown(ZohoConnectorException failure) {
    return ErrorCodes.OAUTH_RATE_LIMITED.equals(failure.getErrorCode())
        ? RATE_LIMIT_COOL_DOWN
        : FAILURE_COOL_DOWN;
  }

  private void refresh(CompletableFuture<IssuedToken> flight, CallTimeouts timeouts) {
    try {
      IssuedToken fresh = oauth.refresh(grant, timeouts);
      synchronized (this) {
        token = fresh;
        lastFailure = null;
        refreshing = null;
      }
      flight.complete(fresh);
    } catch (ZohoConnectorException e) {
      synchronized (this) {
        lastFailure = e;
        lastFailureAt = clock.instant();
        refreshing = null;
      }
      flight.completeExceptionally(e);
    } catch (RuntimeException e) {
      synchronized (this) {
        refreshing = null;
      }
      flight.completeExceptionally(e);
    }
  }
}
