package dev.zohoconnect.cancelmeeting.error;

import io.camunda.connector.api.error.ConnectorException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one exception this connector raises for a failed cancellation. Its code and variables reach
 * the element template's error expression as {@code error.code} and {@code error.variables}; its
 * message reaches incidents. Neither ever contains a credential: messages are built only from
 * Zoho's answer, the meeting id and fixed text.
 */
public final class ZohoConnectorException extends ConnectorException {

  /**
   * The error variables the next execution of a job reads from the failure the runtime stored on
   * it: a request of the task may have cancelled the meeting (and asked for the mail).
   */
  public static final String MAY_HAVE_CANCELLED = "mayHaveCancelled";

  public static final String MAY_HAVE_MAILED = "mayHaveMailed";

  /**
   * Everything known about the failure besides its code.
   *
   * @param mayHaveCancelled a cancel request of this task may have reached Zoho without its answer
   *     reaching the connector (in this execution or an earlier one), so the meeting may be
   *     cancelled already by this task
   * @param mayHaveMailed such a request asked Zoho to mail the participants
   */
  private record Facts(
      String summary,
      Integer httpStatus,
      ZohoError zohoError,
      String meetingId,
      Duration retryAfter,
      Duration retryBackoff,
      boolean mayHaveCancelled,
      boolean mayHaveMailed) {}

  private final Facts facts;
  private final Map<String, Object> variables;

  private ZohoConnectorException(String code, Facts facts, Throwable cause) {
    super(code, "[" + code + "] " + facts.summary() + " " + ErrorCode.adviceFor(code), cause);
    this.facts = facts;
    this.variables = buildVariables();
  }

  /** A failure Zoho reported in its own words. */
  public static ZohoConnectorException fromZoho(
      ZohoError error, String meetingId, Duration retryAfter) {
    NotAllowedReason reason = error.notAllowedReason();
    String summary =
        "Zoho CRM refused to cancel meeting %s: %s%s [%s, HTTP %d]."
            .formatted(
                meetingId,
                error.message().isBlank() ? "no message" : error.message(),
                reason == null ? "" : " (" + reason + ")",
                error.code(),
                error.httpStatus());
    return new ZohoConnectorException(
        error.code(),
        new Facts(summary, error.httpStatus(), error, meetingId, retryAfter, null, false, false),
        null);
  }

  /** A failure with no Zoho error body: network, timeout, unreadable answer, token endpoint. */
  public static ZohoConnectorException of(
      String code, String summary, Integer httpStatus, String meetingId, Throwable cause) {
    return new ZohoConnectorException(
        code, new Facts(summary, httpStatus, null, meetingId, null, null, false, false), cause);
  }

  /** The same failure, telling the error expression how long to wait before the next job retry. */
  public ZohoConnectorException withRetryBackoff(Duration backoff) {
    return with(
        new Facts(
            facts.summary(),
            facts.httpStatus(),
            facts.zohoError(),
            facts.meetingId(),
            facts.retryAfter(),
            backoff,
            facts.mayHaveCancelled(),
            facts.mayHaveMailed()));
  }

  /** The same failure, telling the caller how long to wait before asking again. */
  public ZohoConnectorException withRetryAfter(Duration wait) {
    return with(
        new Facts(
            facts.summary(),
            facts.httpStatus(),
            facts.zohoError(),
            facts.meetingId(),
            wait,
            facts.retryBackoff(),
            facts.mayHaveCancelled(),
            facts.mayHaveMailed()));
  }

  /** The same failure, for another meeting id (the token endpoint knows no meeting). */
  public ZohoConnectorException forMeeting(String otherMeetingId) {
    return with(
        new Facts(
            facts.summary(),
            facts.httpStatus(),
            facts.zohoError(),
            otherMeetingId,
            facts.retryAfter(),
            facts.retryBackoff(),
            facts.mayHaveCancelled(),
            facts.mayHaveMailed()));
  }

  /**
   * The same failure, saying whether a request of this task may have cancelled the meeting (and
   * asked for the mail) without the answer reaching the connector. The next execution of the job
   * reads it from the failure the runtime stores on the job.
   */
  public ZohoConnectorException withPossibleCancellation(boolean cancelled, boolean mailed) {
    return with(
        new Facts(
            facts.summary(),
            facts.httpStatus(),
            facts.zohoError(),
            facts.meetingId(),
            facts.retryAfter(),
            facts.retryBackoff(),
            cancelled,
            cancelled && mailed));
  }

  private ZohoConnectorException with(Facts changed) {
    return new ZohoConnectorException(errorCode, changed, getCause());
  }

  /** Transient by code, or by status: a 5xx is worth another try whatever Zoho calls it. */
  public boolean isRetryable() {
    return ErrorCodes.isTransient(errorCode)
        || (facts.httpStatus() != null && facts.httpStatus() >= 500);
  }

  /** The HTTP status of the answer behind this failure; empty when no answer came. */
  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(facts.httpStatus());
  }

  /**
   * How long to wait before trying again, if that is known: Zoho's (or a proxy's) {@code
   * Retry-After}, or the time until the connector itself renews a rejected token.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(facts.retryAfter());
  }

  /** The Zoho error behind this failure, if Zoho sent one. */
  public Optional<ZohoError> zohoError() {
    return Optional.ofNullable(facts.zohoError());
  }

  public boolean mayHaveCancelled() {
    return facts.mayHaveCancelled();
  }

  public boolean mayHaveMailed() {
    return facts.mayHaveMailed();
  }

  @Override
  public Map<String, Object> getErrorVariables() {
    return variables;
  }

  // Keys are always present (null when unknown) so FEEL in a process can read them without guards.
  private Map<String, Object> buildVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    ZohoError zohoError = facts.zohoError();
    NotAllowedReason reason = zohoError == null ? null : zohoError.notAllowedReason();
    vars.put("code", errorCode);
    vars.put("httpStatus", facts.httpStatus());
    vars.put("meetingId", facts.meetingId());
    vars.put("retryable", isRetryable());
    vars.put("zohoCode", zohoError == null ? null : zohoError.code());
    vars.put("zohoMessage", zohoError == null ? null : zohoError.message());
    vars.put("details", zohoError == null ? Map.of() : zohoError.details());
    vars.put("reason", reason == null ? null : reason.name());
    vars.put(
        "retryAfterSeconds", facts.retryAfter() == null ? null : facts.retryAfter().toSeconds());
    vars.put("retryBackoff", facts.retryBackoff() == null ? null : facts.retryBackoff().toString());
    vars.put(MAY_HAVE_CANCELLED, facts.mayHaveCancelled());
    vars.put(MAY_HAVE_MAILED, facts.mayHaveMailed());
    return Collections.unmodifiableMap(vars);
  }
}
