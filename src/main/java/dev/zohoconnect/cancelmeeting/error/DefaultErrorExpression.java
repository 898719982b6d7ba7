package dev.zohoconnect.cancelmeeting.error;

import java.time.Duration;

/**
 * The error expression the element template ships with, so that every failure is handled the same
 * way without the modeler writing FEEL:
 *
 * <ul>
 *   <li>invalid input (no error code): no BPMN error, the runtime raises an incident at once;
 *   <li>transient failure with job retries left: the job is failed with one retry less and the
 *       backoff the connector computed (Zoho's {@code Retry-After} when it sent one); except when a
 *       request may have cancelled the meeting without an answer: then the expression leaves the
 *       failure to the runtime, which fails the job with one retry less and stores the connector's
 *       error variables on it ({@code error.variables.mayHaveCancelled}) for the next execution to
 *       read — the 8.8 runtime keeps only the message of a {@code jobError};
 *   <li>anything else: a BPMN error whose code is the failure's code, carrying the details as
 *       {@code zohoError}; left uncaught, Zeebe turns it into an incident, so nothing is lost.
 * </ul>
 */
public final class DefaultErrorExpression {

  /**
   * How long Zeebe waits before retrying a job the connector handed back, unless a rate limit or
   * Zoho's {@code Retry-After} asks for longer. The connector's retry policy and this expression's
   * fallback, for a failure that names no backoff, are the same wait.
   */
  public static final Duration JOB_BACKOFF = Duration.ofSeconds(10);

  public static final String FEEL =
      "=if error = null or error.code = null then null"
          + " else if error.variables.retryable = true and job.retries > 1"
          + " then (if error.variables.mayHaveCancelled = true then null"
          + " else jobError(error.message, {}, job.retries - 1,"
          + " duration(if error.variables.retryBackoff = null then \""
          + JOB_BACKOFF
          + "\""
          + " else error.variables.retryBackoff)))"
          + " else bpmnError(error.code, error.message, {zohoError: error.variables})";

  private DefaultErrorExpression() {}
}
