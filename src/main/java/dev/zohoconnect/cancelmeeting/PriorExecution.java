package dev.zohoconnect.cancelmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import java.io.IOException;

/**
 * What an earlier execution of the same job left for this one: whether a cancel request of the task
 * may have reached Zoho without its answer, and whether it asked for the mail.
 *
 * <p>It comes from two places. When the runtime fails a job plainly (the template's error
 * expression leaves such failures to it), it stores the failure on the job as the variable {@code
 * error} with the connector's error variables under {@code error.variables}: any runtime sees it
 * there. And each runtime remembers its own unconfirmed cancellations ({@link TaskMemory}), for
 * engines or paths that drop the failure's variables.
 */
record PriorExecution(boolean mayHaveCancelled, boolean mayHaveMailed) {

  static final PriorExecution NONE = new PriorExecution(false, false);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the structured failure in the job's variables; anything else means nothing is known. */
  static PriorExecution fromJobVariables(String jobVariablesJson) {
    if (jobVariablesJson == null
        || !jobVariablesJson.contains(ZohoConnectorException.MAY_HAVE_CANCELLED)) {
      return NONE;
    }
    try {
      JsonNode variables = JSON.readTree(jobVariablesJson).path("error").path("variables");
      boolean cancelled = isTrue(variables.path(ZohoConnectorException.MAY_HAVE_CANCELLED));
      boolean mailed = isTrue(variables.path(ZohoConnectorException.MAY_HAVE_MAILED));
      return cancelled ? new PriorExecution(true, mailed) : NONE;
    } catch (IOException unreadable) {
      return NONE;
    }
  }

  // The boolean true only: the variable is the connector's own, never text a process wrote.
  private static boolean isTrue(JsonNode node) {
    return node.isBoolean() && node.booleanValue();
  }

  /** Both sources together: what either knows. */
  PriorExecution and(PriorExecution other) {
    return new PriorExecution(
        mayHaveCancelled || other.mayHaveCancelled, mayHaveMailed || other.mayHaveMailed);
  }
}
