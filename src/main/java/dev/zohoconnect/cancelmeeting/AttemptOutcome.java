package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.client.ZohoAnswer;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;

/** What one try to cancel produced. */
sealed interface AttemptOutcome {

  /** Zoho (or something in between) answered the cancel request. */
  record Answered(ZohoAnswer answer) implements AttemptOutcome {}

  /** The cancel request got no answer; whether it was sent before that is the failure's to say. */
  record Unanswered(TransportFailure failure) implements AttemptOutcome {}

  /**
   * No cancel request was made: the access token could not be had, or the execution could not get a
   * turn at Zoho in time.
   */
  record NotAttempted(ZohoConnectorException failure) implements AttemptOutcome {}
}
