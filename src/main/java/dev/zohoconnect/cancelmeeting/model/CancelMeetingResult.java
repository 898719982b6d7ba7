package dev.zohoconnect.cancelmeeting.model;

/**
 * What a cancellation achieved, stored in the task's result variable. Never null, and every field
 * is set, so a gateway after the task can branch on it without null checks.
 *
 * @param meetingId the Zoho meeting id
 * @param cancelled true when the meeting is cancelled now (by this task or before it)
 * @param alreadyCancelled true when the meeting was found cancelled already: by someone else, or by
 *     an earlier call of this task whose answer was lost
 * @param mailRequested whether the process asked Zoho to mail the participants
 * @param mailStatus what became of the mail: {@code SENT}, {@code NOT_REQUESTED}, {@code NOT_SENT},
 *     {@code SKIPPED_DAILY_LIMIT} or {@code UNKNOWN} (see {@link MailStatus})
 * @param apiVersion the Zoho API version used
 * @param zohoCode Zoho's code for the outcome, e.g. SUCCESS, or NOT_ALLOWED when already cancelled
 * @param zohoMessage Zoho's message for the outcome
 * @param attempts HTTP calls made to the cancel endpoint by this execution of the task (0 when an
 *     earlier execution's confirmed cancellation is reported again)
 */
public record CancelMeetingResult(
    String meetingId,
    boolean cancelled,
    boolean alreadyCancelled,
    boolean mailRequested,
    MailStatus mailStatus,
    String apiVersion,
    String zohoCode,
    String zohoMessage,
    int attempts) {

  /** The same outcome, reported by an execution that made no call of its own. */
  public CancelMeetingResult reportedAgain() {
    return new CancelMeetingResult(
        meetingId,
        cancelled,
        alreadyCancelled,
        mailRequested,
        mailStatus,
        apiVersion,
        zohoCode,
        zohoMessage,
        0);
  }
}
