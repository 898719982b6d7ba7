package dev.zohoconnect.cancelmeeting.error;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code error.code} this connector can raise and everything known about it, in one table:
 * which failures are retried, the advice appended to error messages, the constants in {@link
 * ErrorCodes}, the README's error table and the example processes' checks all come from here.
 *
 * <p>Zoho's own codes are passed through unchanged, so a modeler can catch the code Zoho documents.
 * Failures that never reach Zoho's API logic (network, token endpoint, unreadable answers) get
 * codes of their own, prefixed {@value #CONNECTOR_PREFIX} so they cannot collide with Zoho's.
 */
public enum ErrorCode {

  // Zoho CRM codes documented for the cancel-meeting call.
  INVALID_URL_PATTERN(
      "INVALID_URL_PATTERN",
      "404",
      Retry.NEVER,
      "Zoho does not know the URL",
      "Check the API version and, if set, the API base URL override."),
  OAUTH_SCOPE_MISMATCH(
      "OAUTH_SCOPE_MISMATCH",
      "401",
      Retry.NEVER,
      "token lacks the scope",
      "Create a new grant with scope ZohoCRM.Modules.Events.UPDATE (or"
          + " ZohoCRM.Modules.Events.ALL / ZohoCRM.Modules.ALL)."),
  INTERNAL_ERROR(
      "INTERNAL_ERROR",
      "500",
      Retry.TRANSIENT,
      "Zoho failed",
      "Zoho failed internally; the task is retried automatically."),
  INVALID_REQUEST_METHOD(
      "INVALID_REQUEST_METHOD",
      "400",
      Retry.NEVER,
      "wrong HTTP method",
      "Check the API base URL override: a proxy may have rewritten the request."),
  INVALID_DATA(
      "INVALID_DATA",
      "400",
      Retry.NEVER,
      "no meeting with this id, or a field invalid (`details`)",
      "Check that the meeting id names an existing Zoho CRM meeting (module Events)."),
  MANDATORY_NOT_FOUND(
      "MANDATORY_NOT_FOUND",
      "400",
      Retry.NEVER,
      "`send_cancelling_mail` missing; cannot happen through the template (validated first)",
      "Set 'Send cancellation mail' to true or false."),
  NOT_ALLOWED(
      "NOT_ALLOWED",
      "400",
      Retry.NEVER,
      "Zoho will not cancel this meeting; branch on `zohoError.reason`",
      "See zohoError.reason: ALREADY_CANCELLED, NO_PARTICIPANTS_INVITED or MEETING_ENDED."),
  CANNOT_PERFORM_ACTION(
      "CANNOT_PERFORM_ACTION",
      "400",
      Retry.NEVER,
      "the user may not act on this record",
      "The Zoho user behind the credentials may not act on this meeting; share it or use"
          + " another user."),
  NO_PERMISSION(
      "NO_PERMISSION",
      "400/403",
      Retry.NEVER,
      "profile lacks `Crm_Implied_Edit_Events`",
      "Give the Zoho user's profile the permission to edit Meetings."),
  DAILY_LIMIT_EXCEEDED(
      "DAILY_LIMIT_EXCEEDED",
      "400",
      Retry.NEVER,
      "the user's daily mail limit is reached",
      "The Zoho user's daily mail limit is reached: cancel without mail, or enable 'Cancel"
          + " without mail when the daily mail limit is reached'."),
  DEPENDENT_MISMATCH(
      "DEPENDENT_MISMATCH",
      "400",
      Retry.NEVER,
      "v8 `cancelled_by` without mail; cannot happen through the template (validated first; the"
          + " daily-limit fallback leaves *Cancelled by* out of its call without mail)",
      "'Cancelled by' needs 'Send cancellation mail' set to true."),

  // Zoho CRM codes any call can get.
  INVALID_TOKEN(
      "INVALID_TOKEN",
      "401",
      Retry.ONCE_WITH_A_NEW_TOKEN,
      "token expired or wrong",
      "The access token is expired or wrong: supply a fresh one, or use the refresh-token"
          + " authentication, which renews tokens itself."),
  AUTHENTICATION_FAILURE(
      "AUTHENTICATION_FAILURE",
      "401",
      Retry.NEVER,
      "authentication failed",
      "Check the credentials and that they belong to this Zoho data center."),
  TOO_MANY_REQUESTS(
      "TOO_MANY_REQUESTS",
      "429",
      Retry.RATE_LIMIT,
      "the org's API credits or concurrency limit (check the template's Zoho edition); the"
          + " connector lowers its concurrency itself (see operations)",
      "The org's API credit or concurrency limit is reached; the task is retried with"
          + " backoff. Lower the runtime's job concurrency if this persists."),
  LIMIT_EXCEEDED(
      "LIMIT_EXCEEDED",
      "400",
      Retry.NEVER,
      "another Zoho limit",
      "A Zoho limit is reached; see the details and Zoho's limits."),
  API_NOT_SUPPORTED(
      "API_NOT_SUPPORTED",
      "400",
      Retry.NEVER,
      "API version not supported",
      "Choose API version v7 or v8."),

  // The connector's own codes: failures that carry no Zoho code.
  CONNECTION_FAILED(
      "ZOHO_CONNECTION_FAILED",
      "–",
      Retry.TRANSIENT,
      "connection refused, reset or closed before an answer arrived",
      "Zoho could not be reached; the task is retried. Check the network and the URLs if it"
          + " persists."),
  TIMEOUT(
      "ZOHO_TIMEOUT",
      "–",
      Retry.TRANSIENT,
      "no answer within the connect or read timeout",
      "Zoho did not answer in time; the task is retried. Raise the read timeout if it"
          + " persists."),
  SERVER_ERROR(
      "ZOHO_SERVER_ERROR",
      "5xx",
      Retry.TRANSIENT,
      "5xx without a Zoho body (a proxy's HTML 502)",
      "Zoho or a proxy in between failed (HTTP 5xx without a Zoho answer); the task is"
          + " retried."),
  HTTP_ERROR(
      "ZOHO_HTTP_ERROR",
      "3xx, 4xx",
      Retry.NEVER,
      "4xx without a Zoho body, or a redirect (never followed; the message names the status and"
          + " the target host): something between the runtime and Zoho refused the call, or the"
          + " URL points to the wrong place, such as another data center",
      "Something between the runtime and Zoho refused or redirected the call (HTTP 4xx or"
          + " 3xx without a Zoho answer); check proxies and the API base URL."),
  INVALID_RESPONSE(
      "ZOHO_INVALID_RESPONSE",
      "2xx",
      Retry.TRANSIENT,
      "a success status whose body is empty, truncated or not Zoho's JSON",
      "Zoho's answer could not be read; the task is retried, and a cancellation that went"
          + " through is recognised."),
  EXECUTION_STOPPED(
      "ZOHO_EXECUTION_STOPPED",
      "–",
      Retry.TRANSIENT,
      "the execution's time budget ran out, or the runtime is stopping, before a call it still"
          + " had to make (token renewal, the call without mail)",
      "The execution's time budget ran out or the runtime is stopping; the task is retried."
          + " If it persists, lower the timeouts or raise ZOHO_CONNECTOR_EXECUTION_BUDGET"
          + " (keeping it below the runtime's job timeout)."),
  OAUTH_INVALID_CLIENT(
      "ZOHO_OAUTH_INVALID_CLIENT",
      "200",
      Retry.NEVER,
      "token endpoint: `invalid_client`, the client id or secret is unknown",
      "Zoho's accounts server does not know this client: most often the data center is"
          + " wrong (an EU client used against accounts.zoho.com). Check the data center,"
          + " client id and client secret."),
  OAUTH_INVALID_REFRESH_TOKEN(
      "ZOHO_OAUTH_INVALID_REFRESH_TOKEN",
      "200",
      Retry.NEVER,
      "token endpoint: `invalid_code`, the refresh token is revoked, expired or another"
          + " client's",
      "The refresh token is revoked, wrong, or belongs to another client or data center:"
          + " generate a new one in Zoho's API console (Self Client)."),
  TOKEN_REJECTED(
      "ZOHO_TOKEN_REJECTED",
      "–",
      Retry.TRANSIENT,
      "Zoho rejected a token minutes after it was issued (evicted: too many runtimes share the"
          + " refresh token; or accounts server and API host in different data centers);"
          + " renewing it is held back for 1–15 min so that runtimes do not evict each other's"
          + " tokens in turn",
      "The task is retried once the token is renewed. If this recurs, give each runtime its"
          + " own refresh token (Zoho keeps at most 15 access tokens of one refresh token"
          + " alive and issues at most 10 in 10 minutes), and check that the accounts URL"
          + " and the API host belong to the same data center."),
  OAUTH_RATE_LIMITED(
      "ZOHO_OAUTH_RATE_LIMITED",
      "200 / 429",
      Retry.RATE_LIMIT,
      "token endpoint: \"Access Denied\" (10 refreshes / 10 min) or HTTP 429",
      "Zoho allows 10 token refreshes per 10 minutes per refresh token; the task is retried"
          + " later. Do not share one refresh token between many runtimes."),
  OAUTH_UNAVAILABLE(
      "ZOHO_OAUTH_UNAVAILABLE",
      "– / 5xx",
      Retry.TRANSIENT,
      "token endpoint unreachable, no token in the answer, or the job's time ran out waiting for"
          + " another job's refresh",
      "Zoho's accounts server did not answer; retried."),
  OAUTH_ERROR(
      "ZOHO_OAUTH_ERROR",
      "200 / 3xx",
      Retry.NEVER,
      "any other token-endpoint error, or a redirect (never followed; it means a wrong accounts"
          + " URL)",
      "Zoho's accounts server refused the refresh; see details."),
  CONCURRENCY_LIMIT_WAIT(
      "ZOHO_CONCURRENCY_LIMIT_WAIT",
      "–",
      Retry.TRANSIENT,
      "the org's calls stayed at their concurrency limit until the execution's deadline; no call"
          + " was made, the job waited for a free slot instead of collecting a 429",
      "The runtime's calls to this Zoho org were at the org's concurrency limit for the"
          + " whole execution, so no call was made; the task is retried. If it persists,"
          + " run fewer jobs at once, or check the template's Zoho edition and the"
          + " runtime's ZOHO_CONNECTOR_MAX_CONCURRENT_CALLS.");

  /** Begins every code of the connector's own, never one of Zoho's. */
  public static final String CONNECTOR_PREFIX = "ZOHO_";

  /** What a code no row knows gets as advice: Zoho invents codes it has not documented. */
  public static final String ADVICE_FOR_OTHER_CODES = "See Zoho's message and details.";

  /** How a failure may be retried. */
  public enum Retry {
    /** A business failure: a second attempt would fail the same way, so it is never retried. */
    NEVER,
    /** The cause is expected to go away by itself: retried in the job, then by Zeebe. */
    TRANSIENT,
    /** Transient, but retrying soon only prolongs a rate limit: Zeebe waits longer. */
    RATE_LIMIT,
    /**
     * Not transient, but a refreshable token is renewed once and the call made again; a supplied
     * access token cannot be renewed.
     */
    ONCE_WITH_A_NEW_TOKEN;

    public boolean isTransient() {
      return this == TRANSIENT || this == RATE_LIMIT;
    }
  }

  private static final Map<String, ErrorCode> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

  private final String code;
  private final String httpStatus;
  private final Retry retry;
  private final String meaning;
  private final String advice;

  /**
   * @param code the stable string a boundary event catches
   * @param httpStatus the HTTP status(es) of the answer it comes from, "–" when no answer came
   * @param retry how the failure is retried
   * @param meaning what happened, for the README (Markdown)
   * @param advice what the modeler or operator should do, appended to every error message
   */
  ErrorCode(String code, String httpStatus, Retry retry, String meaning, String advice) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.retry = retry;
    this.meaning = meaning;
    this.advice = advice;
  }

  /** The row of {@code code}; empty for a code Zoho sent that no row documents, or none. */
  public static Optional<ErrorCode> of(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * What to do about {@code code}, appended to every error message so that an incident in Operate
   * explains itself without a trip to the documentation.
   */
  public static String adviceFor(String code) {
    return of(code).map(ErrorCode::advice).orElse(ADVICE_FOR_OTHER_CODES);
  }

  public String code() {
    return code;
  }

  public String httpStatus() {
    return httpStatus;
  }

  public Retry retry() {
    return retry;
  }

  public String meaning() {
    return meaning;
  }

  public String advice() {
    return advice;
  }

  /** Whether Zoho sent this code, rather than the connector naming a failure Zoho never reports. */
  public boolean fromZoho() {
    return !code.startsWith(CONNECTOR_PREFIX);
  }
}
