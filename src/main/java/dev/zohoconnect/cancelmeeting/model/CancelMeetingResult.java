package dev.zohoconnect.cancelmeeting.model;

/**
 * What a cancellation achieved, stored in the task's result variable. Never null, and every field
 * is set, so a gateway after the task can branch on it without null checks.
 *
 * @param meetingId the Zoho meeting id
 * @param cancelled true when the meeting is cancelled now (by this task or before it)
 * @param alreadyCancelled true when the meeting was found cancelled already
 * @param mailRequested whether the process asked Zoho to mail the participants
 * @param mailSent whether Zoho was asked to send the mail with the successful cancellation (Zoho
 *     does not confirm delivery); false when the daily-limit fallback cancelled without mail
 * @param mailSkippedReason why no mail went out although one was requested, or null
 * @param apiVersion the Zoho API version used
 * @param zohoCode Zoho's code for the outcome, e.g. SUCCESS, or NOT_ALLOWED when already cancelled
 * @param zohoMessage Zoho's message for the outcome
 * @param attempts HTTP calls made to the cancel endpoint for this task execution
 */
public record CancelMeetingResult(
    String meetingId,
    boolean cancelled,
    boolean alreadyCancelled,
    boolean mailRequested,
    boolean mailSent,
    String mailSkippedReason,
    String apiVersion,
    String zohoCode,
    String zohoMessage,
    int attempts) {}
