package dev.zohoconnect.cancelmeeting.model;

/**
 * What became of the cancellation mail, as far as the connector can know. Zoho sends the mail with
 * the call that cancels and never confirms delivery, so this is about what Zoho was asked.
 */
public enum MailStatus {
  /** The call that cancelled the meeting asked Zoho to mail the participants. */
  SENT,
  /** The process did not ask for a mail. */
  NOT_REQUESTED,
  /** Requested, but the meeting was found cancelled already: this task sent no mail. */
  NOT_SENT,
  /** Requested, but the user's daily mail limit was reached and the meeting cancelled without. */
  SKIPPED_DAILY_LIMIT,
  /**
   * Requested, and a call that asked for it may have cancelled the meeting without its answer
   * arriving: the participants may or may not have been mailed. Do not mail them again blindly.
   */
  UNKNOWN
}
