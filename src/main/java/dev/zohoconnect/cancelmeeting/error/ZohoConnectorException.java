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

  private final String summary;
  private final Integer httpStatus;
  private final ZohoError zohoError;
  private final String meetingId;
  private final Duration retryAfter;
  private final Duration retryBackoff;
  private final Map<String, Object> variables;

  private ZohoConnectorException(
      String code,
      String summary,
      Throwable cause,
      Integer httpStatus,
      ZohoError zohoError,
      String meetingId,
      Duration retryAfter,
      Duration retryBackoff) {
    super(code, "[" + code + "] " + summary + " " + ErrorGuidance.adviceFor(code), cause);
    this.summary = summary;
    this.httpStatus = httpStatus;
    this.zohoError = zohoError;
    this.meetingId = meetingId;
    this.retryAfter = retryAfter;
    this.retryBackoff = retryBackoff;
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
        error.code(), summary, null, error.httpStatus(), error, meetingId, retryAfter, null);
  }

  /** A failure with no Zoho error body: network, timeout, unreadable answer, token endpoint. */
  public static ZohoConnectorException of(
      String code, String summary, Integer httpStatus, String meetingId, Throwable cause) {
    return new ZohoConnectorException(
        code, summary, cause, httpStatus, null, meetingId, null, null);
  }

  /** The same failure, telling the error expression how long to wait before the next job retry. */
  public ZohoConnectorException withRetryBackoff(Duration backoff) {
    return new ZohoConnectorException(
        errorCode, summary, getCause(), httpStatus, zohoError, meetingId, retryAfter, backoff);
  }

  /** The same failure, telling the caller how long to wait before asking again. */
  public ZohoConnectorException withRetryAfter(Duration wait) {
    return new ZohoConnectorException(
        errorCode, summary, getCause(), httpStatus, zohoError, meetingId, wait, retryBackoff);
  }

  /** The same failure, for another meeting id (the token endpoint knows no meeting). */
  public ZohoConnectorException forMeeting(String otherMeetingId) {
    return new ZohoConnectorException(
        errorCode, summary, getCause(), httpStatus, zohoError, otherMeetingId, retryAfter,
        retryBackoff);
  }

  /** Transient by code, or by status: a 5xx is worth another try whatever Zoho calls it. */
  public boolean isRetryable() {
    return ErrorCodes.isTransient(errorCode) || (httpStatus != null && httpStatus >= 500);
  }

  /** The HTTP status of the answer behind this failure; empty when no answer came. */
  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  /**
   * How long to wait before trying again, if that is known: Zoho's (or a proxy's) {@code
   * Retry-After}, or the time until the connector itself renews a rejected token.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The Zoho error behind this failure, if Zoho sent one. */
  public Optional<ZohoError> zohoError() {
    return Optional.ofNullable(zohoError);
  }

  @Override
  public Map<String, Object> getErrorVariables() {
    return variables;
  }

  // Keys are always present (null when unknown) so FEEL in a process can read them without guards.
  private Map<String, Object> buildVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    NotAllowedReason reason = zohoError == null ? null : zohoError.notAllowedReason();
    vars.put("code", errorCode);
    vars.put("httpStatus", httpStatus);
    vars.put("meetingId", meetingId);
    vars.put("retryable", isRetryable());
    vars.put("zohoCode", zohoError == null ? null : zohoError.code());
    vars.put("zohoMessage", zohoError == null ? null : zohoError.message());
    vars.put("details", zohoError == null ? Map.of() : zohoError.details());
    vars.put("reason", reason == null ? null : reason.name());
    vars.put("retryAfterSeconds", retryAfter == null ? null : retryAfter.toSeconds());
    vars.put("retryBackoff", retryBackoff == null ? null : retryBackoff.toString());
    return Collections.unmodifiableMap(vars);
  }
}
