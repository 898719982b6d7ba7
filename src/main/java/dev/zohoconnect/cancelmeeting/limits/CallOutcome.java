package dev.zohoconnect.cancelmeeting.limits;

/** What became of one governed call; tells the adaptive limit whether the org had room for it. */
public enum CallOutcome {

  /**
   * Zoho answered, whatever the answer (success, a business error, a 5xx): the org had room for the
   * call. Only this outcome lets the limit grow.
   */
  ANSWERED,

  /**
   * Zoho refused the call with HTTP 429 {@code TOO_MANY_REQUESTS}: the org's concurrency limit was
   * exceeded (or its daily API credits are spent, which a smaller limit also helps with). The limit
   * shrinks.
   */
  TOO_MANY_REQUESTS,

  /**
   * No answer was read: a timeout, a dropped connection, an exception before or during the call.
   * Says nothing about the org's allowance, so the limit stays as it is. This is what {@link
   * Permit#close()} reports for a permit released without an outcome.
   */
  NO_ANSWER;

  /** The outcome of a call Zoho answered with this HTTP status. */
  public static CallOutcome ofHttpStatus(int status) {
    return status == 429 ? TOO_MANY_REQUESTS : ANSWERED;
  }
}
