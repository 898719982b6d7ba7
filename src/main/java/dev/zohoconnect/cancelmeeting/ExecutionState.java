package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.model.MailStatus;

/**
 * What one execution of a cancel task knows before its next call: everything the decision about
 * Zoho's next answer depends on besides the answer itself.
 *
 * @param attempt the number of the call in the in-job retry sequence, 1 for the first; a token
 *     renewal and the call without mail repeat the attempt rather than count as a new one
 * @param mailRequested whether the process asked for the cancellation mail
 * @param sendMail whether the next call asks Zoho for the mail (false after the daily-limit
 *     fallback)
 * @param tokenRenewed whether the access token was already renewed after Zoho rejected it
 * @param mayHaveCancelled whether a cancel request of this task (in this execution or an earlier
 *     one) may have reached Zoho without its answer reaching us
 * @param mayHaveMailed whether such a request asked for the mail
 */
record ExecutionState(
    int attempt,
    boolean mailRequested,
    boolean sendMail,
    boolean tokenRenewed,
    boolean mayHaveCancelled,
    boolean mayHaveMailed) {

  static ExecutionState first(boolean mailRequested, PriorExecution prior) {
    return new ExecutionState(
        1, mailRequested, mailRequested, false, prior.mayHaveCancelled(), prior.mayHaveMailed());
  }

  ExecutionState nextAttempt() {
    return new ExecutionState(
        attempt + 1, mailRequested, sendMail, tokenRenewed, mayHaveCancelled, mayHaveMailed);
  }

  ExecutionState withRenewedToken() {
    return new ExecutionState(
        attempt, mailRequested, sendMail, true, mayHaveCancelled, mayHaveMailed);
  }

  ExecutionState withoutMail() {
    return new ExecutionState(
        attempt, mailRequested, false, tokenRenewed, mayHaveCancelled, mayHaveMailed);
  }

  /** After a call that may have reached Zoho and cancelled the meeting without telling us. */
  ExecutionState afterPossibleCancellation() {
    return new ExecutionState(
        attempt, mailRequested, sendMail, tokenRenewed, true, mayHaveMailed || sendMail);
  }

  /** The mail when the last call cancelled the meeting. */
  MailStatus mailWhenCancelledNow() {
    if (sendMail) {
      return MailStatus.SENT;
    }
    return mailRequested ? MailStatus.SKIPPED_DAILY_LIMIT : MailStatus.NOT_REQUESTED;
  }

  /** The mail when Zoho says the meeting was cancelled before the last call. */
  MailStatus mailWhenFoundCancelled() {
    if (!mailRequested) {
      return MailStatus.NOT_REQUESTED;
    }
    if (mayHaveMailed) {
      return MailStatus.UNKNOWN;
    }
    // Only the daily-limit fallback makes a call without the mail the process asked for.
    return mayHaveCancelled && !sendMail ? MailStatus.SKIPPED_DAILY_LIMIT : MailStatus.NOT_SENT;
  }
}
