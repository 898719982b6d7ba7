package dev.zohoconnect.cancelmeeting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One set of credentials' token: single-flight refresh, deadlines, cool-down, rejected tokens. */
class RefreshingAccessTokenTest {

  private static final CallTimeouts TIMEOUTS =
      new CallTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

  /** The jitter's lowest draw: back-off windows at their shortest. */
  private static final RandomGenerator LOWEST = drawing(bound -> 0);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final ScriptedIssuer issuer = new ScriptedIssuer(clock);
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private RefreshingAccessToken token(RandomGenerator random) {
    return new RefreshingAccessToken(
        issuer, AccessTokensTest.grant("id", "secret", "refresh"), "fingerprint", clock, random);
  }

  private RefreshingAccessToken token() {
    return token(LOWEST);
  }

  private Deadline noDeadline() {
    return Deadline.none(clock);
  }

  private record Race(Caller<IssuedToken> leader, Caller<IssuedToken> waiter) {}

  /**
   * A leader whose refresh the issuer holds until a second caller waits for it, then fails with
   * {@code leadersFailure} (an Error or a RuntimeException).
   */
  private Race waiterBehindBlockedLeader(
      RefreshingAccessToken source, Supplier<? extends Throwable> leadersFailure)
      throws InterruptedException {
    ScriptedIssuer.Gate gate = new ScriptedIssuer.Gate();
    issuer.thenBlock(
        gate,
        timeouts -> {
          Throwable failure = leadersFailure.get();
          if (failure instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) failure;
        });
    Caller<IssuedToken> leader = Caller.start(() -> source.current(TIMEOUTS, noDeadline()));
    gate.awaitEntered();
    Caller<IssuedToken> waiter =
        Caller.start(() -> source.current(TIMEOUTS, noDeadline())).awaitWaiting();
    gate.open();
    return new Race(leader, waiter);
  }

  // --- An Error in a refresh (issue 9, defect 8a) ---

  @Test
  void anErrorInARefreshStrandsNoLaterCaller() throws Exception {
    RefreshingAccessToken source = token();
    issuer.then(
        timeouts -> {
          throw new LinkageError("a class failed to load mid-refresh");
        });

    assertThat(catchThrowable(() -> source.current(TIMEOUTS, noDeadline())))
        .isInstanceOf(LinkageError.class);

    IssuedToken next = Caller.start(() -> source.current(TIMEOUTS, noDeadline())).result();
    assertThat(next.value()).isEqualTo("1000.token-2");
    assertThat(source.isRefreshing()).isFalse();
  }

  @Test
  void aCallerWaitingOnARefreshThatDiesOfAnErrorRefreshesItself() throws Exception {
    RefreshingAccessToken source = token();
    Race race = waiterBehindBlockedLeader(source, StackOverflowError::new);

    assertThat(race.leader().failure()).isInstanceOf(StackOverflowError.class);
    assertThat(race.waiter().result().value()).isEqualTo("1000.token-2");
    assertThat(issuer.calls()).isEqualTo(2);
  }

  // --- Each caller's own timeouts and deadline (defect 8b) ---

  @Test
  void aWaiterGivesUpAtItsOwnDeadlineWithARetryableError() throws Exception {
    RefreshingAccessToken source = token();
    ScriptedIssuer.Gate gate = new ScriptedIssuer.Gate();
    issuer.thenBlock(gate, timeouts -> issuer.freshToken());
    Caller<IssuedToken> leader = Caller.start(() -> source.current(TIMEOUTS, noDeadline()));
    gate.awaitEntered();
    try {
      Caller<IssuedToken> waiter =
          Caller.start(
              () -> source.current(TIMEOUTS, Deadline.after(Duration.ofMillis(100), clock)));

      ZohoConnectorException error = (ZohoConnectorException) waiter.failure();

      assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_UNAVAILABLE);
      assertThat(error.isRetryable()).isTrue();
      assertThat(error.getMessage())
          .contains("accounts.zoho.eu")
          .contains("still running when this job's time ran out");
    } finally {
      gate.open();
    }
    assertThat(leader.result().value()).isEqualTo("1000.token-1");
  }

  @Test
  void aRefreshTakesItsCallersTimeoutsShortenedToItsDeadline() {
    RefreshingAccessToken source = token();

    source.current(
        new CallTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)),
        Deadline.after(Duration.ofSeconds(8), clock));

    assertThat(issuer.timeouts()).hasSize(1);
    assertThat(issuer.timeouts().getFirst().total()).isLessThanOrEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void aCallerWithNoTimeLeftStartsNoRefresh() {
    RefreshingAccessToken source = token();
    Deadline passed = Deadline.after(Duration.ofSeconds(1), clock);
    clock.advance(Duration.ofSeconds(2));

    ZohoConnectorException error =
        catchThrowableOfType(ZohoConnectorException.class, () -> source.current(TIMEOUTS, passed));

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_UNAVAILABLE);
    assertThat(error.isRetryable()).isTrue();
    assertThat(issuer.calls()).isZero();
  }

  @Test
  void aRefreshThatGotNoAnswerIsNotSharedAsACoolDown() {
    RefreshingAccessToken source = token();
    issuer.then(
        timeouts -> {
          throw ScriptedIssuer.noAnswer();
        });

    catchThrowableOfType(
        ZohoConnectorException.class, () -> source.current(TIMEOUTS, noDeadline()));
    IssuedToken next = source.current(TIMEOUTS, noDeadline());

    assertThat(next.value()).isEqualTo("1000.token-2");
    assertThat(issuer.calls()).isEqualTo(2);
  }

  @Test
  void aWaiterRefreshesItselfWhenTheLeadersCallGetsNoAnswer() throws Exception {
    RefreshingAccessToken source = token();
    Race race = waiterBehindBlockedLeader(source, ScriptedIssuer::noAnswer);

    assertThat(((ZohoConnectorException) race.leader().failure()).getErrorCode())
        .isEqualTo(ErrorCodes.OAUTH_UNAVAILABLE);
    assertThat(race.waiter().result().value()).isEqualTo("1000.token-2");
  }

  @Test
  void aRefusalTheAccountsServerSentIsSharedForTheCoolDown() throws Exception {
    RefreshingAccessToken source = token();
    Race race = waiterBehindBlockedLeader(source, ScriptedIssuer::refused);

    assertThat(race.leader().failure()).isSameAs(race.waiter().failure());
    assertThat(catchThrowable(() -> source.current(TIMEOUTS, noDeadline())))
        .isSameAs(race.leader().failure());
    assertThat(issuer.calls()).isEqualTo(1);
    clock.advance(RefreshingAccessToken.FAILURE_COOL_DOWN);
    assertThat(source.current(TIMEOUTS, noDeadline()).value()).isEqualTo("1000.token-2");
  }

  // --- Short-lived tokens (defect 8c) ---

  @Test
  void aShortLivedTokenIsRenewedInTheLastQuarterOfItsLife() {
    issuer.withLifetime(Duration.ofSeconds(120));
    RefreshingAccessToken source = token();

    IssuedToken first = source.current(TIMEOUTS, noDeadline());
    clock.advance(Duration.ofSeconds(89));
    assertThat(source.current(TIMEOUTS, noDeadline())).isSameAs(first);
    clock.advance(Duration.ofSeconds(2));
    assertThat(source.current(TIMEOUTS, noDeadline())).isNotSameAs(first);
    assertThat(issuer.calls()).isEqualTo(2);
  }

  // --- Fresh tokens rejected: eviction must not cascade (defect 8d, issue 10) ---

  @Test
  void freshTokensZohoKeepsRejectingAreRenewedOncePerWindowNotOncePerJob() {
    RefreshingAccessToken source = token();
    IssuedToken first = source.current(TIMEOUTS, noDeadline());

    IssuedToken second = source.renewAfterRejection(first, TIMEOUTS, noDeadline());
    assertThat(second).as("the first rejection is renewed at once").isNotSameAs(first);
    clock.advance(Duration.ofSeconds(5));

    ZohoConnectorException rejected =
        catchThrowableOfType(
            ZohoConnectorException.class,
            () -> source.renewAfterRejection(second, TIMEOUTS, noDeadline()));
    assertThat(rejected.getErrorCode()).isEqualTo(ErrorCodes.TOKEN_REJECTED);
    assertThat(rejected.isRetryable()).isTrue();
    assertThat(rejected.retryAfter()).contains(Duration.ofSeconds(55));
    assertThat(rejected.getMessage())
        .contains("5 s after this runtime obtained it")
        .contains("share this refresh token")
        .contains("at most 15")
        .contains("different data centers");

    ZohoConnectorException later =
        catchThrowableOfType(
            ZohoConnectorException.class, () -> source.current(TIMEOUTS, noDeadline()));
    assertThat(later.getErrorCode())
        .as("a job arriving in the window is not handed the rejected token")
        .isEqualTo(ErrorCodes.TOKEN_REJECTED);
    assertThat(issuer.calls()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(55));
    IssuedToken third = source.current(TIMEOUTS, noDeadline());
    assertThat(issuer.calls()).as("renewed once the window is over").isEqualTo(3);
    ZohoConnectorException again =
        catchThrowableOfType(
            ZohoConnectorException.class,
            () -> source.renewAfterRejection(third, TIMEOUTS, noDeadline()));
    assertThat(again.retryAfter())
        .as("the window doubles while fresh tokens keep being rejected")
        .contains(RefreshingAccessToken.FIRST_HOLD.multipliedBy(2));
    assertThat(issuer.calls()).isEqualTo(3);
  }

  @Test
  void theBackOffWindowIsJitteredByTheInjectedRandom() {
    RandomGenerator highest = drawing(bound -> bound - 1);
    RefreshingAccessToken source = token(highest);
    IssuedToken first = source.current(TIMEOUTS, noDeadline());
    IssuedToken second = source.renewAfterRejection(first, TIMEOUTS, noDeadline());

    ZohoConnectorException rejected =
        catchThrowableOfType(
            ZohoConnectorException.class,
            () -> source.renewAfterRejection(second, TIMEOUTS, noDeadline()));

    assertThat(rejected.retryAfter()).contains(Duration.ofSeconds(90));
  }

  @Test
  void aTokenRejectedLongAfterItWasObtainedIsRenewedAtOnce() {
    RefreshingAccessToken source = token();
    IssuedToken first = source.current(TIMEOUTS, noDeadline());
    clock.advance(Duration.ofMinutes(30));
    IssuedToken second = source.renewAfterRejection(first, TIMEOUTS, noDeadline());
    clock.advance(Duration.ofMinutes(30).minusSeconds(1));

    IssuedToken third = source.renewAfterRejection(second, TIMEOUTS, noDeadline());

    assertThat(third).isNotSameAs(second);
    assertThat(issuer.calls()).isEqualTo(3);
  }

  @Test
  void manyJobsSeeingFreshTokensRejectedCauseOneRenewalNotOneEach() throws Exception {
    RefreshingAccessToken source = token();
    // Wave 1: 16 jobs find no token, then Zoho rejects the one they got.
    List<Object> firstTokens = inParallel(16, job -> source.current(TIMEOUTS, noDeadline()));
    List<Object> renewed = renewEachAfterRejection(source, firstTokens);
    assertThat(renewed).allSatisfy(token -> assertThat(token).isInstanceOf(IssuedToken.class));
    assertThat(issuer.calls()).as("one refresh, one renewal").isEqualTo(2);

    // Wave 2: 16 jobs take the renewed token, and Zoho rejects it too.
    List<Object> secondTokens = inParallel(16, job -> source.current(TIMEOUTS, noDeadline()));
    assertThat(secondTokens).containsOnly(renewed.getFirst());
    List<Object> outcomes = renewEachAfterRejection(source, secondTokens);

    assertThat(issuer.calls()).as("no renewal inside the back-off window").isEqualTo(2);
    assertThat(outcomes)
        .allSatisfy(
            outcome ->
                assertThat(outcome)
                    .isInstanceOfSatisfying(
                        ZohoConnectorException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TOKEN_REJECTED)));
  }

  /** Runs {@code call} for jobs 0 to n-1 on n threads at once; each one's result or exception. */
  /** Each job renews the token it was given after Zoho rejected it, all at once. */
  private List<Object> renewEachAfterRejection(RefreshingAccessToken source, List<Object> tokens)
      throws Exception {
    return inParallel(
        tokens.size(),
        job -> source.renewAfterRejection((IssuedToken) tokens.get(job), TIMEOUTS, noDeadline()));
  }

  private List<Object> inParallel(int n, IntFunction<Object> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int job = i;
      runs.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  return call.apply(job);
                } catch (ZohoConnectorException e) {
                  return e;
                }
              }));
    }
    start.countDown();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> run : runs) {
      outcomes.add(run.get(5, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  /** A random source whose bounded draws the test decides. */
  private static RandomGenerator drawing(LongUnaryOperator ofBound) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        return ofBound.applyAsLong(bound);
      }
    };
  }
}
