package dev.zohoconnect.cancelmeeting.error;

/**
 * The error expression the element template ships with, so that every failure is handled the same
 * way without the modeler writing FEEL:
 *
 * <ul>
 *   <li>invalid input (no error code): no BPMN error, the runtime raises an incident at once;
 *   <li>transient failure with job retries left: the job is failed with one retry less and the
 *       backoff the connector computed (Zoho's {@code Retry-After} when it sent one);
 *   <li>anything else: a BPMN error whose code is the failure's code, carrying the details as
 *       {@code zohoError}; left uncaught, Zeebe turns it into an incident, so nothing is lost.
 * </ul>
 */
public final class DefaultErrorExpression {

  public static final String FEEL =
      "=if error = null or error.code = null then null"
          + " else if error.variables.retryable = true and job.retries > 1"
          + " then jobError(error.message, {}, job.retries - 1,"
          + " duration(if error.variables.retryBackoff = null then \"PT10S\""
          + " else error.variables.retryBackoff))"
          + " else bpmnError(error.code, error.message, {zohoError: error.variables})";

  private DefaultErrorExpression() {}
}
