package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached access token of one refresh token, shared by every job that uses the same credentials.
 *
 * <p>Zoho issues at most 10 access tokens per refresh token in 10 minutes and keeps at most 15 of
 * them alive, dropping the oldest when it issues another. Hence:
 *
 * <ul>
 *   <li>Refreshing is single-flight: the first caller that finds the token stale refreshes, with
 *       its own timeouts; every caller arriving meanwhile waits for that same result, but never
 *       past its own deadline.
 *   <li>A refusal the accounts server sent is remembered for a short cool-down, so that a burst of
 *       jobs with, say, a revoked refresh token asks Zoho once, not once per job. A call that got
 *       no answer is its caller's own failure and is not shared.
 *   <li>A token Zoho rejects soon after it was obtained did not expire: it was evicted by the
 *       tokens other runtimes obtained, or is foreign to the API host's data center. Renewing it at
 *       once would evict the next runtime's token in turn, so such a token is renewed at most once
 *       per back-off window; callers in the window get a retryable {@code ZOHO_TOKEN_REJECTED}.
 * </ul>
 */
public final class RefreshingAccessToken implements AccessTokenSource {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshingAccessToken.class);

  /**
   * Renew this long before expiry, so a token never expires between check and use; a token that
   * lives less than four times as long is renewed in the last quarter of its lifetime instead. With
   * the fixed margin alone, a token of 5 minutes or less would be stale on arrival and every job
   * would refresh, into Zoho's limit of 10 refreshes per 10 minutes.
   */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  static final Duration FAILURE_COOL_DOWN = Duration.ofSeconds(10);

  /** After Zoho's "Access Denied" for too many refreshes, asking again soon only prolongs it. */
  static final Duration RATE_LIMIT_COOL_DOWN = Duration.ofSeconds(60);

  /**
   * A token rejected younger than this (or than half its lifetime, if shorter) did not expire: it
   * was evicted, revoked, or belongs to another data center.
   */
  static final Duration SUSPECT_AGE = Duration.ofMinutes(10);

  /** The back-off window after renewing a suspect token; doubled for each such renewal in a row. */
  static final Duration FIRST_HOLD = Duration.ofMinutes(1);

  static final Duration LONGEST_HOLD = Duration.ofMinutes(10);

  private final TokenIssuer issuer;
  private final OAuthTokenClient.Grant grant;
  private final String callerKey;
  private final Clock clock;
  private final RandomGenerator random;

  // All guarded by this.
  private Held held;
  private CompletableFuture<Outcome> refreshing;
  private boolean refreshReplacesSuspect;
  private ZohoConnectorException lastFailure;
  private Instant coolDownUntil = Instant.MIN;
  private int suspectRenewalsInARow;
  private Instant holdUntil = Instant.MIN;

  /**
   * @param random draws the jitter of the back-off window; shared by many instances, so it must be
   *     safe to use from several threads
   */
  RefreshingAccessToken(
      TokenIssuer issuer,
      OAuthTokenClient.Grant grant,
      String callerKey,
      Clock clock,
      RandomGenerator random) {
    this.issuer = issuer;
    this.grant = grant;
    this.callerKey = callerKey;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public String callerKey() {
    return callerKey;
  }

  @Override
  public IssuedToken current(CallTimeouts timeouts, Deadline deadline) {
    return obtain(null, timeouts, deadline);
  }

  @Override
  public boolean canRenew() {
    return true;
  }

  @Override
  public IssuedToken renewAfterRejection(
      IssuedToken rejected, CallTimeouts timeouts, Deadline deadline) {
    return obtain(rejected, timeouts, deadline);
  }

  /** Whether a refresh is under way; the cache never drops such an entry. */
  synchronized boolean isRefreshing() {
    return refreshing != null;
  }

  private IssuedToken obtain(IssuedToken rejected, CallTimeouts timeouts, Deadline deadline) {
    while (true) {
      CompletableFuture<Outcome> flight;
      boolean leader = false;
      synchronized (this) {
        Instant now = clock.instant();
        if (rejected != null && held != null && held.token() == rejected && !held.rejected()) {
          held = held.rejectedAt(now);
        }
        if (held != null && held.usableAt(now)) {
          return held.token();
        }
        if (refreshing == null) {
          if (now.isBefore(coolDownUntil)) {
            throw lastFailure;
          }
          if (held != null && held.suspect() && now.isBefore(holdUntil)) {
            throw rejectedSoonAfterIssue(now);
          }
          if (deadline.hasPassed()) {
            throw unavailable("no time was left in this job to refresh the access token");
          }
          refreshing = new CompletableFuture<>();
          refreshReplacesSuspect = held != null && held.suspect();
          leader = true;
        }
        flight = refreshing;
      }
      if (leader) {
        return refresh(flight, timeouts.within(deadline));
      }
      Optional<IssuedToken> issued = await(flight, deadline);
      if (issued.isPresent()) {
        return issued.get();
      }
      // The leader failed for a reason of its own: try again, as the leader if nobody else is.
    }
  }

  private IssuedToken refresh(CompletableFuture<Outcome> flight, CallTimeouts timeouts) {
    Instant requestedAt = clock.instant();
    Outcome outcome = new Outcome.Abandoned();
    try {
      IssuedToken fresh = issuer.refresh(grant, timeouts);
      outcome = new Outcome.Issued(fresh);
      return fresh;
    } catch (ZohoConnectorException failure) {
      if (answeredByAccountsServer(failure)) {
        outcome = new Outcome.Refused(failure);
      }
      throw failure;
    } finally {
      // Whatever ended the call, an Error included: a flight left open would make every later
      // caller with these credentials wait for it for ever.
      settle(flight, outcome, requestedAt);
    }
  }

  private void settle(CompletableFuture<Outcome> flight, Outcome outcome, Instant requestedAt) {
    Duration hold = null;
    try {
      synchronized (this) {
        refreshing = null;
        hold = remember(outcome, requestedAt);
      }
    } finally {
      flight.complete(outcome);
    }
    if (hold != null) {
      LOG.warn(
          "Zoho rejected an access token from {} soon after it was issued; the token of these"
              + " credentials is renewed again, if rejected again, no sooner than in {} s",
          grant.accountsUrl().getHost(),
          hold.toSeconds());
    }
  }

  /** Records the outcome of a refresh; returns the back-off window it opened, if any. */
  private Duration remember(Outcome outcome, Instant requestedAt) {
    Instant now = clock.instant();
    switch (outcome) {
      case Outcome.Issued issued -> {
        held = Held.obtained(issued.token(), requestedAt);
        lastFailure = null;
        coolDownUntil = Instant.MIN;
        if (refreshReplacesSuspect) {
          suspectRenewalsInARow++;
          Duration hold = hold(suspectRenewalsInARow);
          holdUntil = now.plus(hold);
          return hold;
        }
        suspectRenewalsInARow = 0;
        holdUntil = Instant.MIN;
      }
      case Outcome.Refused refused -> {
        lastFailure = refused.failure();
        coolDownUntil = now.plus(coolDown(refused.failure()));
      }
      case Outcome.Abandoned abandoned -> {
        // Nothing learnt about the credentials or the accounts server.
      }
    }
    return null;
  }

  private Optional<IssuedToken> await(CompletableFuture<Outcome> flight, Deadline deadline) {
    Outcome outcome;
    try {
      outcome = flight.get(millisUntil(deadline), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      throw unavailable(
          "another job's refresh of the access token was still running when this job's time ran"
              + " out");
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while another job refreshed the access token");
    } catch (ExecutionException | CancellationException impossible) {
      throw new IllegalStateException("a refresh ends only with its outcome", impossible);
    }
    return switch (outcome) {
      case Outcome.Issued issued -> Optional.of(issued.token());
      case Outcome.Refused refused -> throw refused.failure();
      case Outcome.Abandoned abandoned -> Optional.empty();
    };
  }

  // Only a refusal the accounts server itself sent (invalid_client, invalid_code, Access Denied, a
  // 429 or 5xx, any other error) holds for every caller of these credentials, so sharing it spares
  // Zoho a burst of identical refreshes. A call that got no answer tells about its caller: its
  // timeouts may be far shorter than anyone else's, or its connection was the one that broke.
  // Shared, one task with a 1 s read timeout would fail the refreshes of every job for the
  // cool-down.
  private static boolean answeredByAccountsServer(ZohoConnectorException failure) {
    return failure.httpStatus().isPresent();
  }

  private static Duration coolDown(ZohoConnectorException failure) {
    if (ErrorCodes.OAUTH_RATE_LIMITED.equals(failure.getErrorCode())) {
      return failure.retryAfter().orElse(RATE_LIMIT_COOL_DOWN);
    }
    return FAILURE_COOL_DOWN;
  }

  // Doubles with each suspect renewal in a row, and adds up to half again at random, so that
  // runtimes which share a refresh token, and were rejected together, renew at different moments.
  private Duration hold(int renewalsInARow) {
    long window = FIRST_HOLD.toMillis() << Math.min(renewalsInARow - 1, 10);
    long capped = Math.min(window, LONGEST_HOLD.toMillis());
    return Duration.ofMillis(capped + random.nextLong(capped / 2 + 1));
  }

  private ZohoConnectorException rejectedSoonAfterIssue(Instant now) {
    Duration wait = Duration.between(now, holdUntil);
    Duration retryAfter = Duration.ofSeconds(wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    return ZohoConnectorException.of(
            ErrorCodes.TOKEN_REJECTED,
            ("Zoho rejected the access token from %s %d s after this runtime obtained it, long"
                    + " before it expires. Most likely it was evicted because too many runtimes or"
                    + " clients share this refresh token (Zoho keeps at most 15 of its access"
                    + " tokens alive and drops the oldest when it issues another), or the accounts"
                    + " server and the API host are in different data centers. It is renewed"
                    + " again no sooner than in %d s, not at once, so that runtimes sharing the"
                    + " refresh token do not evict each other's tokens in turn.")
                .formatted(
                    grant.accountsUrl().getHost(),
                    held.rejectedAtAge().toSeconds(),
                    retryAfter.toSeconds()),
            null,
            null,
            null)
        .withRetryAfter(retryAfter);
  }

  private ZohoConnectorException unavailable(String what) {
    return ZohoConnectorException.of(
        ErrorCodes.OAUTH_UNAVAILABLE,
        "No access token from Zoho's accounts server at "
            + grant.accountsUrl().getHost()
            + ": "
            + what
            + ".",
        null,
        null,
        null);
  }

  private static long millisUntil(Deadline deadline) {
    Duration left = deadline.remaining();
    return left.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : left.toMillis();
  }

  /** How a refresh ended, as its waiters see it. */
  private sealed interface Outcome {
    record Issued(IssuedToken token) implements Outcome {}

    /** The accounts server refused: shared with the waiters and for the cool-down. */
    record Refused(ZohoConnectorException failure) implements Outcome {}

    /** No answer, or an unexpected failure: the leader's alone; a waiter tries for itself. */
    record Abandoned() implements Outcome {}
  }

  /**
   * The token in use.
   *
   * @param obtainedAt when it was asked for: its age counts from there
   * @param renewalMargin how long before expiry it is renewed
   * @param suspectAge a rejection younger than this is not an expiry
   * @param rejectedAtAge how old it was when Zoho rejected it, or null while it was not
   */
  private record Held(
      IssuedToken token,
      Instant obtainedAt,
      Duration renewalMargin,
      Duration suspectAge,
      Duration rejectedAtAge) {

    static Held obtained(IssuedToken token, Instant requestedAt) {
      Duration lifetime = Duration.between(requestedAt, token.expiresAt());
      if (lifetime.isNegative()) {
        lifetime = Duration.ZERO;
      }
      return new Held(
          token,
          requestedAt,
          shorter(RENEW_BEFORE_EXPIRY, lifetime.dividedBy(4)),
          shorter(SUSPECT_AGE, lifetime.dividedBy(2)),
          null);
    }

    Held rejectedAt(Instant now) {
      return new Held(
          token, obtainedAt, renewalMargin, suspectAge, Duration.between(obtainedAt, now));
    }

    boolean rejected() {
      return rejectedAtAge != null;
    }

    boolean suspect() {
      return rejected() && rejectedAtAge.compareTo(suspectAge) < 0;
    }

    boolean usableAt(Instant now) {
      return !rejected() && token.isUsableAt(now, renewalMargin);
    }

    private static Duration shorter(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }
  }
}
