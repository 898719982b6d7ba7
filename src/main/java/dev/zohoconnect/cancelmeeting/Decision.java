package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.MailStatus;
import java.time.Duration;

/** What to do after an attempt: the one outcome {@link CancelDecisions} chooses. */
sealed interface Decision {

  /** The meeting is cancelled; the task completes. */
  record Complete(boolean alreadyCancelled, MailStatus mail, String zohoCode, String zohoMessage)
      implements Decision {}

  /**
   * Call again in this execution after {@code pause}, with {@code next} as what is known then;
   * {@code renewTokenFirst} when Zoho rejected the access token. {@code ifStopped} is the
   * (retryable) failure to hand back to Zeebe instead if the runtime stops the execution meanwhile.
   */
  record TryAgain(
      Duration pause,
      ExecutionState next,
      boolean renewTokenFirst,
      ZohoConnectorException ifStopped)
      implements Decision {}

  /** A transient failure this execution cannot wait out: Zeebe retries the job later. */
  record HandBack(ZohoConnectorException failure) implements Decision {}

  /** A failure another attempt would not change: the BPMN error (or an incident). */
  record Fail(ZohoConnectorException failure) implements Decision {}
}
