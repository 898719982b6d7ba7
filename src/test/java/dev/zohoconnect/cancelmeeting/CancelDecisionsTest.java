package dev.zohoconnect.cancelmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.client.ZohoAnswer;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.error.ZohoError;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import dev.zohoconnect.cancelmeeting.model.MailStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer an attempt can get, against the states an execution can be in. */
class CancelDecisionsTest {

  private static final String MEETING = "4876876000001563018";
  private static final Duration PLENTY = Duration.ofMinutes(2);

  // --- states

  private static final ExecutionState FRESH = ExecutionState.first(false, PriorExecution.NONE);
  private static final ExecutionState FRESH_WITH_MAIL =
      ExecutionState.first(true, PriorExecution.NONE);
  private static final ExecutionState LOST_WITH_MAIL = FRESH_WITH_MAIL.afterPossibleCancellation();
  private static final ExecutionState LOST_WITHOUT_MAIL = FRESH.afterPossibleCancellation();
  private static final ExecutionState AFTER_FALLBACK = FRESH_WITH_MAIL.withoutMail();
  private static final ExecutionState LOST_AFTER_FALLBACK =
      AFTER_FALLBACK.afterPossibleCancellation();
  private static final ExecutionState RESUMED_AFTER_LOST_MAIL =
      ExecutionState.first(true, new PriorExecution(true, true));
  private static final ExecutionState LAST_ATTEMPT = FRESH.nextAttempt().nextAttempt();

  // --- rules

  private static final CancelDecisions.Rules DEFAULTS = rules(false, false, true);
  private static final CancelDecisions.Rules ALREADY_CANCELLED_IS_SUCCESS =
      rules(true, false, true);
  private static final CancelDecisions.Rules FALLBACK = rules(false, true, true);
  private static final CancelDecisions.Rules FIXED_TOKEN = rules(false, false, false);

  private static CancelDecisions.Rules rules(
      boolean alreadyCancelledIsSuccess, boolean fallBack, boolean canRenew) {
    return new CancelDecisions.Rules(
        MEETING, alreadyCancelledIsSuccess, fallBack, canRenew, RetryPolicy.DEFAULT);
  }

  // --- answers

  private static AttemptOutcome cancelled() {
    return new AttemptOutcome.Answered(
        new ZohoAnswer.Cancelled("SUCCESS", "The event is successfully cancelled"));
  }

  private static AttemptOutcome zoho(int status, String code, Map<String, Object> details) {
    return new AttemptOutcome.Answered(
        new ZohoAnswer.Refused(new ZohoError(status, code, "message", details), null));
  }

  private static AttemptOutcome zoho(int status, String code) {
    return zoho(status, code, Map.of());
  }

  private static AttemptOutcome alreadyCancelled() {
    return zoho(400, ErrorCodes.NOT_ALLOWED);
  }

  private static AttemptOutcome unreadable(int status) {
    return new AttemptOutcome.Answered(new ZohoAnswer.Unreadable(status, "an empty body"));
  }

  /** A transport failure whose request was (not) handed to the server before it happened. */
  static AttemptOutcome unanswered(boolean requestSent) {
    return new AttemptOutcome.Unanswered(
        requestSent
            ? new TransportFailure(
                TransportFailure.Kind.READ_TIMEOUT, "no answer within 30 s", true, null)
            : new TransportFailure(
                TransportFailure.Kind.CONNECT_FAILED, "connection refused", false, null));
  }

  private static AttemptOutcome tokenFailure(String code) {
    return new AttemptOutcome.NotAttempted(
        ZohoConnectorException.of(code, "accounts server", null, null, null));
  }

  private static Decision decide(
      ExecutionState state, AttemptOutcome outcome, CancelDecisions.Rules rules) {
    return CancelDecisions.decide(state, outcome, rules, PLENTY, new Random(7));
  }

  // --- completions

  static Stream<Arguments> completions() {
    return Stream.of(
        // state, outcome, rules, alreadyCancelled, mail status
        Arguments.of(
            "cancelled, no mail asked",
            FRESH,
            cancelled(),
            DEFAULTS,
            false,
            MailStatus.NOT_REQUESTED),
        Arguments.of(
            "cancelled with the mail",
            FRESH_WITH_MAIL,
            cancelled(),
            DEFAULTS,
            false,
            MailStatus.SENT),
        Arguments.of(
            "cancelled without mail after the daily limit",
            AFTER_FALLBACK,
            cancelled(),
            FALLBACK,
            false,
            MailStatus.SKIPPED_DAILY_LIMIT),
        Arguments.of(
            "cancelled after an earlier lost answer",
            LOST_WITH_MAIL,
            cancelled(),
            DEFAULTS,
            false,
            MailStatus.SENT),
        Arguments.of(
            "found cancelled after a lost answer that asked for the mail",
            LOST_WITH_MAIL,
            alreadyCancelled(),
            DEFAULTS,
            true,
            MailStatus.UNKNOWN),
        Arguments.of(
            "found cancelled after a lost answer, no mail asked",
            LOST_WITHOUT_MAIL,
            alreadyCancelled(),
            DEFAULTS,
            true,
            MailStatus.NOT_REQUESTED),
        Arguments.of(
            "found cancelled after a lost call without mail (fallback)",
            LOST_AFTER_FALLBACK,
            alreadyCancelled(),
            FALLBACK,
            true,
            MailStatus.SKIPPED_DAILY_LIMIT),
        Arguments.of(
            "found cancelled after an earlier execution lost a call with mail",
            RESUMED_AFTER_LOST_MAIL,
            alreadyCancelled(),
            DEFAULTS,
            true,
            MailStatus.UNKNOWN),
        Arguments.of(
            "found cancelled by someone else, option on",
            FRESH_WITH_MAIL,
            alreadyCancelled(),
            ALREADY_CANCELLED_IS_SUCCESS,
            true,
            MailStatus.NOT_SENT),
        Arguments.of(
            "found cancelled by someone else, option on, no mail asked",
            FRESH,
            alreadyCancelled(),
            ALREADY_CANCELLED_IS_SUCCESS,
            true,
            MailStatus.NOT_REQUESTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completions")
  void completes(
      String name,
      ExecutionState state,
      AttemptOutcome outcome,
      CancelDecisions.Rules rules,
      boolean alreadyCancelled,
      MailStatus mail) {
    Decision.Complete done = decided(Decision.Complete.class, decide(state, outcome, rules));
    assertThat(done.alreadyCancelled()).isEqualTo(alreadyCancelled);
    assertThat(done.mail()).isEqualTo(mail);
  }

  // --- failures raised at once

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "already cancelled by someone else",
            FRESH,
            alreadyCancelled(),
            DEFAULTS,
            ErrorCodes.NOT_ALLOWED),
        Arguments.of(
            "nobody invited, even after a lost answer",
            LOST_WITH_MAIL,
            zoho(400, ErrorCodes.NOT_ALLOWED, Map.of("reason", "no_participants_invited")),
            DEFAULTS,
            ErrorCodes.NOT_ALLOWED),
        Arguments.of(
            "meeting ended, option on",
            FRESH,
            zoho(400, ErrorCodes.NOT_ALLOWED, Map.of("reason", "completed_meeting")),
            ALREADY_CANCELLED_IS_SUCCESS,
            ErrorCodes.NOT_ALLOWED),
        Arguments.of(
            "token rejected after its renewal",
            FRESH.withRenewedToken(),
            zoho(401, ErrorCodes.INVALID_TOKEN),
            DEFAULTS,
            ErrorCodes.INVALID_TOKEN),
        Arguments.of(
            "supplied token rejected",
            FRESH,
            zoho(401, ErrorCodes.INVALID_TOKEN),
            FIXED_TOKEN,
            ErrorCodes.INVALID_TOKEN),
        Arguments.of(
            "daily limit without the fallback",
            FRESH_WITH_MAIL,
            zoho(400, ErrorCodes.DAILY_LIMIT_EXCEEDED),
            DEFAULTS,
            ErrorCodes.DAILY_LIMIT_EXCEEDED),
        Arguments.of(
            "no permission",
            FRESH,
            zoho(403, ErrorCodes.NO_PERMISSION),
            DEFAULTS,
            ErrorCodes.NO_PERMISSION),
        Arguments.of(
            "invalid meeting id",
            FRESH,
            zoho(400, ErrorCodes.INVALID_DATA),
            DEFAULTS,
            ErrorCodes.INVALID_DATA),
        Arguments.of("a proxy's 404 page", FRESH, unreadable(404), DEFAULTS, ErrorCodes.HTTP_ERROR),
        Arguments.of("a redirect", FRESH, unreadable(302), DEFAULTS, ErrorCodes.HTTP_ERROR),
        Arguments.of(
            "wrong data center at the accounts server",
            FRESH,
            tokenFailure(ErrorCodes.OAUTH_INVALID_CLIENT),
            DEFAULTS,
            ErrorCodes.OAUTH_INVALID_CLIENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void failsAtOnce(
      String name,
      ExecutionState state,
      AttemptOutcome outcome,
      CancelDecisions.Rules rules,
      String code) {
    Decision.Fail fail = decided(Decision.Fail.class, decide(state, outcome, rules));
    assertThat(fail.failure().getErrorCode()).isEqualTo(code);
    assertThat(fail.failure().isRetryable()).isFalse();
    assertThat(fail.failure().getErrorVariables()).containsEntry("meetingId", MEETING);
  }

  // --- transient failures: retried here, and whether the meeting may be cancelled already

  static Stream<Arguments> transients() {
    return Stream.of(
        // name, outcome, code, may the request have cancelled the meeting?
        Arguments.of(
            "Zoho's 500", zoho(500, ErrorCodes.INTERNAL_ERROR), ErrorCodes.INTERNAL_ERROR, true),
        Arguments.of(
            "a 503 with a code Zoho never documented",
            zoho(503, "SERVICE_UNAVAILABLE"),
            "SERVICE_UNAVAILABLE",
            true),
        Arguments.of("a proxy's HTML 502", unreadable(502), ErrorCodes.SERVER_ERROR, true),
        Arguments.of("an empty 200", unreadable(200), ErrorCodes.INVALID_RESPONSE, true),
        Arguments.of("sent, then no answer", unanswered(true), ErrorCodes.TIMEOUT, true),
        Arguments.of("connection refused", unanswered(false), ErrorCodes.CONNECTION_FAILED, false),
        Arguments.of(
            "Zoho's 429",
            zoho(429, ErrorCodes.TOO_MANY_REQUESTS),
            ErrorCodes.TOO_MANY_REQUESTS,
            false),
        Arguments.of(
            "accounts server down",
            tokenFailure(ErrorCodes.OAUTH_UNAVAILABLE),
            ErrorCodes.OAUTH_UNAVAILABLE,
            false),
        Arguments.of(
            "token refreshes rate-limited",
            tokenFailure(ErrorCodes.OAUTH_RATE_LIMITED),
            ErrorCodes.OAUTH_RATE_LIMITED,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transients")
  void retriesInTheJobWhileAttemptsAndTimeRemain(
      String name, AttemptOutcome outcome, String code, boolean mayHaveCancelled) {
    Decision.TryAgain again =
        decided(Decision.TryAgain.class, decide(FRESH_WITH_MAIL, outcome, DEFAULTS));
    assertThat(again.pause()).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(again.next().attempt()).isEqualTo(2);
    assertThat(again.next().mayHaveCancelled()).isEqualTo(mayHaveCancelled);
    assertThat(again.next().mayHaveMailed()).isEqualTo(mayHaveCancelled);
    assertThat(again.renewTokenFirst()).isFalse();
    assertThat(again.ifStopped().getErrorCode()).isEqualTo(code);
    assertThat(again.ifStopped().isRetryable()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transients")
  void handsBackToZeebeSayingWhetherTheMeetingMayBeCancelled(
      String name, AttemptOutcome outcome, String code, boolean mayHaveCancelled) {
    ExecutionState lastWithMail = FRESH_WITH_MAIL.nextAttempt().nextAttempt();
    Decision.HandBack back =
        decided(Decision.HandBack.class, decide(lastWithMail, outcome, DEFAULTS));
    Map<String, Object> vars = back.failure().getErrorVariables();
    assertThat(back.failure().getErrorCode()).isEqualTo(code);
    assertThat(vars)
        .containsEntry("retryable", true)
        .containsEntry(ZohoConnectorException.MAY_HAVE_CANCELLED, mayHaveCancelled)
        .containsEntry(ZohoConnectorException.MAY_HAVE_MAILED, mayHaveCancelled);
    assertThat(vars.get("retryBackoff")).isIn("PT10S", "PT1M");
  }

  @Test
  void aPossibleCancellationIsNeverForgottenByALaterFailureOfTheSameExecution() {
    Decision afterRefused =
        decide(LOST_WITH_MAIL.nextAttempt().nextAttempt(), unanswered(false), DEFAULTS);

    Decision.HandBack back = decided(Decision.HandBack.class, afterRefused);
    assertThat(back.failure().mayHaveCancelled()).isTrue();
    assertThat(back.failure().mayHaveMailed()).isTrue();
  }

  // --- one more call at once: token renewal, the call without mail

  @Test
  void rejectedTokenIsRenewedOnceAndTheCallRepeatedAtOnce() {
    Decision decision = decide(FRESH, zoho(401, ErrorCodes.INVALID_TOKEN), DEFAULTS);

    Decision.TryAgain again = decided(Decision.TryAgain.class, decision);
    assertThat(again.pause()).isZero();
    assertThat(again.renewTokenFirst()).isTrue();
    assertThat(again.next().tokenRenewed()).isTrue();
    assertThat(again.next().attempt()).as("not a new attempt").isEqualTo(1);
  }

  @Test
  void dailyLimitWithTheFallbackCallsAgainWithoutMail() {
    Decision decision =
        decide(FRESH_WITH_MAIL, zoho(400, ErrorCodes.DAILY_LIMIT_EXCEEDED), FALLBACK);

    Decision.TryAgain again = decided(Decision.TryAgain.class, decision);
    assertThat(again.pause()).isZero();
    assertThat(again.next().sendMail()).isFalse();
    assertThat(again.next().mailRequested()).isTrue();
  }

  @Test
  void dailyLimitOnTheCallWithoutMailIsRaised() {
    assertThat(decide(AFTER_FALLBACK, zoho(400, ErrorCodes.DAILY_LIMIT_EXCEEDED), FALLBACK))
        .isInstanceOf(Decision.Fail.class);
  }

  // --- the time budget

  @Test
  void noRetryIsStartedThatTheTimeBudgetCannotHold() {
    Decision decision =
        CancelDecisions.decide(
            FRESH, unanswered(true), DEFAULTS, Duration.ofMillis(2_200), new Random(7));

    Decision.HandBack back =
        decided(
            "a wait of 250-500 ms plus the 2 s a call needs does not fit in 2.2 s",
            Decision.HandBack.class,
            decision);
    assertThat(back.failure().getErrorCode()).isEqualTo(ErrorCodes.TIMEOUT);
    assertThat(back.failure().mayHaveCancelled()).isTrue();
  }

  @Test
  void aRenewalTheBudgetCannotHoldIsHandedBackAsRetryable() {
    Decision decision =
        CancelDecisions.decide(
            LOST_WITH_MAIL,
            zoho(401, ErrorCodes.INVALID_TOKEN),
            DEFAULTS,
            Duration.ofSeconds(1),
            new Random(7));

    Decision.HandBack back = decided(Decision.HandBack.class, decision);
    assertThat(back.failure().getErrorCode()).isEqualTo(ErrorCodes.EXECUTION_STOPPED);
    assertThat(back.failure().isRetryable()).isTrue();
    assertThat(back.failure().mayHaveCancelled()).as("kept for the next execution").isTrue();
  }

  @Test
  void aRetryAfterLongerThanTheJobCanWaitIsLeftToZeebe() {
    AttemptOutcome tooManyRequests =
        new AttemptOutcome.Answered(
            new ZohoAnswer.Refused(
                new ZohoError(429, ErrorCodes.TOO_MANY_REQUESTS, "", Map.of()),
                Duration.ofSeconds(90)));

    Decision.HandBack back =
        decided(Decision.HandBack.class, decide(FRESH, tooManyRequests, DEFAULTS));
    assertThat(back.failure().getErrorVariables()).containsEntry("retryBackoff", "PT1M30S");
  }

  @Test
  void aWaitForTheOrgsTurnThatRanIntoTheDeadlineGoesBackToZeebeAtOnce() {
    Decision decision =
        decide(LOST_WITH_MAIL, tokenFailure(ErrorCodes.CONCURRENCY_LIMIT_WAIT), DEFAULTS);

    Decision.HandBack back = decided(Decision.HandBack.class, decision);
    assertThat(back.failure().getErrorCode()).isEqualTo(ErrorCodes.CONCURRENCY_LIMIT_WAIT);
    assertThat(back.failure().isRetryable()).isTrue();
    assertThat(back.failure().mayHaveCancelled()).isTrue();
  }

  @Test
  void theLastAttemptHandsBackEvenWithTimeLeft() {
    assertThat(decide(LAST_ATTEMPT, zoho(500, ErrorCodes.INTERNAL_ERROR), DEFAULTS))
        .isInstanceOf(Decision.HandBack.class);
  }

  /** The decision, asserted to be a {@code type}. */
  private static <D extends Decision> D decided(Class<D> type, Decision decision) {
    assertThat(decision).isInstanceOf(type);
    return type.cast(decision);
  }

  private static <D extends Decision> D decided(
      String description, Class<D> type, Decision decision) {
    assertThat(decision).as(description).isInstanceOf(type);
    return type.cast(decision);
  }
}
