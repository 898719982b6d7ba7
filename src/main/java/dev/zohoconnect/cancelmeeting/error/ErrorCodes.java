package dev.zohoconnect.cancelmeeting.error;

import java.util.Set;

/**
 * Every {@code error.code} this connector can raise, in one place.
 *
 * <p>Zoho's own codes are passed through unchanged, so a modeler can catch the code Zoho documents.
 * Failures that never reach Zoho's API logic (network, token endpoint, unreadable answers) get codes
 * of their own, prefixed {@code ZOHO_} so they cannot collide with Zoho's.
 */
public final class ErrorCodes {

  // Zoho CRM codes documented for the cancel-meeting call.
  public static final String INVALID_URL_PATTERN = "INVALID_URL_PATTERN";
  public static final String OAUTH_SCOPE_MISMATCH = "OAUTH_SCOPE_MISMATCH";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
  public static final String INVALID_REQUEST_METHOD = "INVALID_REQUEST_METHOD";
  public static final String INVALID_DATA = "INVALID_DATA";
  public static final String MANDATORY_NOT_FOUND = "MANDATORY_NOT_FOUND";
  public static final String NOT_ALLOWED = "NOT_ALLOWED";
  public static final String CANNOT_PERFORM_ACTION = "CANNOT_PERFORM_ACTION";
  public static final String NO_PERMISSION = "NO_PERMISSION";
  public static final String DAILY_LIMIT_EXCEEDED = "DAILY_LIMIT_EXCEEDED";
  public static final String DEPENDENT_MISMATCH = "DEPENDENT_MISMATCH";

  // Zoho CRM codes any call can get.
  public static final String INVALID_TOKEN = "INVALID_TOKEN";
  public static final String AUTHENTICATION_FAILURE = "AUTHENTICATION_FAILURE";
  public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
  public static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
  public static final String API_NOT_SUPPORTED = "API_NOT_SUPPORTED";

  // The connector's own codes: failures that carry no Zoho code.
  /** The connection could not be opened, was reset, or closed before an answer arrived. */
  public static final String CONNECTION_FAILED = "ZOHO_CONNECTION_FAILED";
  /** Zoho did not answer within the configured connect or read timeout. */
  public static final String TIMEOUT = "ZOHO_TIMEOUT";
  /** HTTP 5xx without a Zoho error body, such as a proxy's HTML 502 page. */
  public static final String SERVER_ERROR = "ZOHO_SERVER_ERROR";
  /**
   * HTTP 4xx without a Zoho error body, or any 3xx: something between us and Zoho refused the call,
   * or the URL points to the wrong place (redirects are never followed).
   */
  public static final String HTTP_ERROR = "ZOHO_HTTP_ERROR";
  /** A success status whose body is empty, truncated or not Zoho's JSON. */
  public static final String INVALID_RESPONSE = "ZOHO_INVALID_RESPONSE";
  /**
   * The execution stopped before a call it still had to make (a token renewal, the call without
   * mail): its time budget ran out, or the runtime is stopping. Zeebe retries the job.
   */
  public static final String EXECUTION_STOPPED = "ZOHO_EXECUTION_STOPPED";
  /** Token endpoint: client id or secret unknown, usually the wrong data center. */
  public static final String OAUTH_INVALID_CLIENT = "ZOHO_OAUTH_INVALID_CLIENT";
  /** Token endpoint: the refresh token is revoked, expired or belongs to another client. */
  public static final String OAUTH_INVALID_REFRESH_TOKEN = "ZOHO_OAUTH_INVALID_REFRESH_TOKEN";
  /**
   * Zoho rejected an access token soon after the connector obtained it, so it had not expired: it
   * was evicted (too many runtimes share the refresh token) or belongs to another data center.
   * Renewing it is held back for a while so that runtimes do not evict each other's tokens in turn.
   */
  public static final String TOKEN_REJECTED = "ZOHO_TOKEN_REJECTED";
  /** Token endpoint: Zoho's limit of 10 token refreshes per 10 minutes was hit, or HTTP 429. */
  public static final String OAUTH_RATE_LIMITED = "ZOHO_OAUTH_RATE_LIMITED";
  /** Token endpoint: unreachable, 5xx, or an answer that is neither a token nor a known error. */
  public static final String OAUTH_UNAVAILABLE = "ZOHO_OAUTH_UNAVAILABLE";
  /** Token endpoint: any other {@code error} value it documents or invents, or a redirect. */
  public static final String OAUTH_ERROR = "ZOHO_OAUTH_ERROR";
  /**
   * The org's concurrent calls stayed at their limit until the execution's deadline: no call was
   * made, the job waited for a free slot instead of collecting a 429.
   */
  public static final String CONCURRENCY_LIMIT_WAIT = "ZOHO_CONCURRENCY_LIMIT_WAIT";

  /**
   * Codes whose cause is expected to go away by itself. Everything else is a business failure: a
   * second attempt would fail the same way, so it is never retried.
   */
  public static final Set<String> TRANSIENT =
      Set.of(
          INTERNAL_ERROR,
          TOO_MANY_REQUESTS,
          CONNECTION_FAILED,
          TIMEOUT,
          SERVER_ERROR,
          INVALID_RESPONSE,
          EXECUTION_STOPPED,
          TOKEN_REJECTED,
          OAUTH_RATE_LIMITED,
          OAUTH_UNAVAILABLE,
          CONCURRENCY_LIMIT_WAIT);

  private ErrorCodes() {}

  public static boolean isTransient(String code) {
    return TRANSIENT.contains(code);
  }
}
