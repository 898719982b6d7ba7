package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.client.ZohoAnswer;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.NotAllowedReason;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.error.ZohoError;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Every decision of a cancel task in one place: from what the execution knows and what its last
 * attempt produced, whether to complete, try again here, hand the job back to Zeebe, or fail. It
 * does no I/O, so every combination is tested as a table.
 *
 * <p>The rule that keeps a retry from turning a cancellation into a failure: a request that may
 * have reached Zoho without an answer (sent and then timed out or cut off, answered by a 5xx, or
 * answered with a success status but an unreadable body) may have cancelled the meeting, so Zoho's
 * later "already cancelled" completes the task. A request that certainly did not reach Zoho's
 * cancellation (refused connection, token endpoint failure, 429, any 4xx, a redirect) cannot have
 * cancelled it, so "already cancelled" then means someone else did, and is raised unless the task
 * says to treat it as success.
 */
final class CancelDecisions {

  /**
   * What is fixed for the whole execution.
   *
   * @param canRenewToken whether the access token can be renewed (refresh-token authentication)
   */
  record Rules(
      String meetingId,
      boolean alreadyCancelledIsSuccess,
      boolean fallBackToNoMail,
      boolean canRenewToken,
      RetryPolicy retryPolicy) {}

  private CancelDecisions() {}

  /**
   * @param timeLeft what is left of the execution's time budget now
   * @param random draws the jitter of a wait
   */
  static Decision decide(
      ExecutionState state,
      AttemptOutcome outcome,
      Rules rules,
      Duration timeLeft,
      RandomGenerator random) {
    return switch (outcome) {
      case AttemptOutcome.Answered(ZohoAnswer.Cancelled done) ->
          new Decision.Complete(false, state.mailWhenCancelledNow(), done.code(), done.message());
      case AttemptOutcome.Answered(ZohoAnswer.Refused refused) ->
          refused(state, refused, rules, timeLeft, random);
      case AttemptOutcome.Answered(ZohoAnswer.Unreadable unreadable) ->
          failed(
              mayHaveCancelled(unreadable.httpStatus()) ? state.afterPossibleCancellation() : state,
              unreadable(unreadable, rules.meetingId()),
              rules,
              timeLeft,
              random);
      case AttemptOutcome.Unanswered(TransportFailure lost) ->
          failed(
              lost.requestSent() ? state.afterPossibleCancellation() : state,
              unanswered(lost, rules.meetingId()),
              rules,
              timeLeft,
              random);
      case AttemptOutcome.NotAttempted(ZohoConnectorException failure)
          when failure.getErrorCode().equals(ErrorCodes.CONCURRENCY_LIMIT_WAIT) ->
          // The wait for the org's turn ended because the deadline was near: no time to try again.
          handBack(
              failure
                  .forMeeting(rules.meetingId())
                  .withPossibleCancellation(state.mayHaveCancelled(), state.mayHaveMailed()),
              rules.retryPolicy());
      case AttemptOutcome.NotAttempted(ZohoConnectorException failure) ->
          failed(state, failure.forMeeting(rules.meetingId()), rules, timeLeft, random);
    };
  }

  private static Decision refused(
      ExecutionState state,
      ZohoAnswer.Refused refused,
      Rules rules,
      Duration timeLeft,
      RandomGenerator random) {
    ZohoError error = refused.error();
    ZohoConnectorException failure =
        ZohoConnectorException.fromZoho(error, rules.meetingId(), refused.retryAfter());
    if (error.is(ErrorCodes.INVALID_TOKEN) && rules.canRenewToken() && !state.tokenRenewed()) {
      return rightAway(state.withRenewedToken(), true, failure, rules, timeLeft);
    }
    if (error.is(ErrorCodes.DAILY_LIMIT_EXCEEDED) && state.sendMail() && rules.fallBackToNoMail()) {
      return rightAway(state.withoutMail(), false, failure, rules, timeLeft);
    }
    if (error.notAllowedReason() == NotAllowedReason.ALREADY_CANCELLED
        && (state.mayHaveCancelled() || rules.alreadyCancelledIsSuccess())) {
      return new Decision.Complete(
          true, state.mailWhenFoundCancelled(), error.code(), error.message());
    }
    ExecutionState after =
        mayHaveCancelled(error.httpStatus()) ? state.afterPossibleCancellation() : state;
    return failed(after, failure, rules, timeLeft, random);
  }

  /**
   * Whether an answer with this status leaves the cancellation's fate open: a 5xx (Zoho or a proxy
   * failed, possibly after the cancellation was done) or a success status whose body could not be
   * read. Redirects, 4xx and 429 mean the request was turned away before it was carried out.
   */
  private static boolean mayHaveCancelled(int httpStatus) {
    return httpStatus >= 500 || (httpStatus >= 200 && httpStatus < 300);
  }

  private static Decision failed(
      ExecutionState state,
      ZohoConnectorException cause,
      Rules rules,
      Duration timeLeft,
      RandomGenerator random) {
    ZohoConnectorException failure =
        cause.withPossibleCancellation(state.mayHaveCancelled(), state.mayHaveMailed());
    if (!failure.isRetryable()) {
      return new Decision.Fail(failure);
    }
    RetryPolicy policy = rules.retryPolicy();
    int next = state.attempt() + 1;
    if (policy.retryInJob(next, failure)) {
      Duration wait = policy.delayBefore(next, failure, random);
      if (policy.leavesTimeForCall(wait, timeLeft)) {
        return new Decision.TryAgain(
            wait, state.nextAttempt(), false, failure.withRetryBackoff(policy.jobBackoff(failure)));
      }
    }
    return handBack(failure, policy);
  }

  /** A token renewal or the call without mail: at once, if the budget still allows a call. */
  private static Decision rightAway(
      ExecutionState next,
      boolean renewToken,
      ZohoConnectorException cause,
      Rules rules,
      Duration timeLeft) {
    if (rules.retryPolicy().leavesTimeForCall(Duration.ZERO, timeLeft)) {
      return new Decision.TryAgain(
          Duration.ZERO, next, renewToken, stopped(next, cause, rules, "the runtime is stopping"));
    }
    return new Decision.HandBack(
        stopped(next, cause, rules, "the time budget of this execution ran out"));
  }

  /**
   * The failure to hand back when the execution stops before a call it still had to make: a
   * transient one, since the next execution can make that call.
   */
  private static ZohoConnectorException stopped(
      ExecutionState next, ZohoConnectorException cause, Rules rules, String why) {
    ZohoConnectorException stopped =
        ZohoConnectorException.of(
                ErrorCodes.EXECUTION_STOPPED,
                "Zoho CRM was not called again for meeting %s after %s: %s."
                    .formatted(rules.meetingId(), cause.getErrorCode(), why),
                null,
                rules.meetingId(),
                null)
            .withPossibleCancellation(next.mayHaveCancelled(), next.mayHaveMailed());
    return stopped.withRetryBackoff(rules.retryPolicy().jobBackoff(stopped));
  }

  private static Decision handBack(ZohoConnectorException failure, RetryPolicy policy) {
    return new Decision.HandBack(failure.withRetryBackoff(policy.jobBackoff(failure)));
  }

  private static ZohoConnectorException unreadable(ZohoAnswer.Unreadable answer, String meetingId) {
    int status = answer.httpStatus();
    if (answer.isRedirect()) {
      // Not followed: the token must not go where a Location points, and a redirect fails the
      // same way every time, so it is not retried either.
      return ZohoConnectorException.of(
          ErrorCodes.HTTP_ERROR,
          ("Zoho CRM answered the cancellation of meeting %s with HTTP %d redirect to host %s;"
                  + " the connector never follows redirects: check the API base URL / data center.")
              .formatted(
                  meetingId,
                  status,
                  answer.redirectHost() == null ? "(none named)" : answer.redirectHost()),
          status,
          meetingId,
          null);
    }
    String code =
        status >= 500
            ? ErrorCodes.SERVER_ERROR
            : status >= 300 ? ErrorCodes.HTTP_ERROR : ErrorCodes.INVALID_RESPONSE;
    return ZohoConnectorException.of(
        code,
        "Zoho CRM answered the cancellation of meeting %s with HTTP %d and %s."
            .formatted(meetingId, status, answer.problem()),
        status,
        meetingId,
        null);
  }

  private static ZohoConnectorException unanswered(TransportFailure lost, String meetingId) {
    return ZohoConnectorException.of(
        lost.isTimeout() ? ErrorCodes.TIMEOUT : ErrorCodes.CONNECTION_FAILED,
        "Calling Zoho CRM to cancel meeting %s failed: %s.".formatted(meetingId, lost.getMessage()),
        null,
        meetingId,
        lost);
  }
}
