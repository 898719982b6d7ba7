package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The catalogue of Zoho CRM errors the emulator produces: codes, HTTP statuses, shapes and details
 * as in the project's contract ({@code zoho-crm-cancel-meeting.md}); messages as on Zoho's cancel
 * page and OpenAPI file where they publish one. Where Zoho publishes no wording (API_NOT_SUPPORTED,
 * AUTHENTICATION_FAILURE, TOO_MANY_REQUESTS, DAILY_LIMIT_EXCEEDED, CANNOT_PERFORM_ACTION,
 * DEPENDENT_MISMATCH, field-level INVALID_DATA) the message is the emulator's own: clients must
 * branch on {@code code}, never on {@code message}.
 */
final class ZohoErrors {

  static final String SEND_CANCELLING_MAIL = "send_cancelling_mail";
  static final String CANCELLED_BY = "cancelled_by";

  private static final boolean TOP = true;
  private static final boolean DATA_ITEM = false;
  private static final String INVALID_DATA = "INVALID_DATA";
  private static final String NOT_ALLOWED = "NOT_ALLOWED";
  private static final String INVALID_DATA_MESSAGE = "invalid data";

  private ZohoErrors() {}

  static ZohoErrorReply invalidUrlPattern() {
    return new ZohoErrorReply(
        404,
        TOP,
        "INVALID_URL_PATTERN",
        none(),
        "Please check if the URL trying to access is a correct one");
  }

  static ZohoErrorReply apiNotSupported() {
    return new ZohoErrorReply(
        400, TOP, "API_NOT_SUPPORTED", none(), "the given API version is not supported");
  }

  static ZohoErrorReply invalidRequestMethod() {
    return new ZohoErrorReply(
        400, TOP, "INVALID_REQUEST_METHOD", none(), "The request method is incorrect.");
  }

  static ZohoErrorReply invalidToken() {
    return new ZohoErrorReply(401, TOP, "INVALID_TOKEN", none(), "invalid oauth token");
  }

  static ZohoErrorReply authenticationFailure() {
    return new ZohoErrorReply(401, TOP, "AUTHENTICATION_FAILURE", none(), "Authentication failed");
  }

  static ZohoErrorReply oauthScopeMismatch() {
    return new ZohoErrorReply(
        401, TOP, "OAUTH_SCOPE_MISMATCH", none(), "invalid oauth scope to access this URL");
  }

  static ZohoErrorReply noPermission(int status) {
    ObjectNode details = Json.object("permissions", List.of("Crm_Implied_Edit_Events"));
    return new ZohoErrorReply(status, TOP, "NO_PERMISSION", details, "permission denied");
  }

  static ZohoErrorReply tooManyRequests() {
    return new ZohoErrorReply(429, TOP, "TOO_MANY_REQUESTS", none(), "too many requests");
  }

  static ZohoErrorReply internalError() {
    return new ZohoErrorReply(500, TOP, "INTERNAL_ERROR", none(), "Internal Server Error");
  }

  static ZohoErrorReply dailyLimitExceeded() {
    return new ZohoErrorReply(
        400,
        TOP,
        "DAILY_LIMIT_EXCEEDED",
        none(),
        "You have reached the daily limit for sending emails");
  }

  /** The meeting id in the path is malformed or names no meeting. */
  static ZohoErrorReply invalidRecordId(String id) {
    return new ZohoErrorReply(
        400, DATA_ITEM, INVALID_DATA, Json.object("id", id), "the id given seems to be invalid");
  }

  /** The body is not JSON at all, so there is no field to point at. */
  static ZohoErrorReply unreadableBody() {
    return new ZohoErrorReply(400, TOP, INVALID_DATA, none(), INVALID_DATA_MESSAGE);
  }

  /** The body lacks a usable {@code data} array. */
  static ZohoErrorReply invalidDataArray() {
    return new ZohoErrorReply(
        400, TOP, INVALID_DATA, fieldDetails("data", "$.data", "jsonarray"), INVALID_DATA_MESSAGE);
  }

  /** A field of {@code data[0]} has the wrong type. */
  static ZohoErrorReply invalidField(String apiName, String expectedType) {
    ObjectNode details = fieldDetails(apiName, itemPath(apiName), expectedType);
    return new ZohoErrorReply(400, DATA_ITEM, INVALID_DATA, details, INVALID_DATA_MESSAGE);
  }

  static ZohoErrorReply mandatoryNotFound(String apiName) {
    ObjectNode details = Json.object("api_name", apiName, "json_path", itemPath(apiName));
    return new ZohoErrorReply(
        400, DATA_ITEM, "MANDATORY_NOT_FOUND", details, "required field not found");
  }

  /** v8: {@code cancelled_by} only makes sense when a cancellation mail goes out. */
  static ZohoErrorReply cancelledByNeedsMail() {
    ObjectNode dependee =
        Json.object("api_name", SEND_CANCELLING_MAIL, "json_path", itemPath(SEND_CANCELLING_MAIL));
    ObjectNode details =
        Json.object(
            "dependee", dependee, "api_name", CANCELLED_BY, "json_path", itemPath(CANCELLED_BY));
    return new ZohoErrorReply(
        400, DATA_ITEM, "DEPENDENT_MISMATCH", details, "dependent field mismatch");
  }

  static ZohoErrorReply alreadyCancelled() {
    return new ZohoErrorReply(
        400, DATA_ITEM, NOT_ALLOWED, none(), "The event is already cancelled");
  }

  static ZohoErrorReply noParticipantsInvited(String id) {
    return new ZohoErrorReply(
        400,
        DATA_ITEM,
        NOT_ALLOWED,
        Json.object("reason", "no_participants_invited", "id", id),
        "You cannot cancel the event without inviting participants");
  }

  static ZohoErrorReply completedMeeting(String id) {
    return new ZohoErrorReply(
        400,
        DATA_ITEM,
        NOT_ALLOWED,
        Json.object("reason", "completed_meeting", "id", id),
        "You cannot cancel the meeting after the meeting end time");
  }

  static ZohoErrorReply cannotPerformAction() {
    return new ZohoErrorReply(
        400,
        DATA_ITEM,
        "CANNOT_PERFORM_ACTION",
        none(),
        "you do not have permission to perform this action");
  }

  /** The documented answer for {@code code}, as this route would get it. */
  static ZohoErrorReply byCode(String code, Route route) {
    String id = route.recordId();
    return switch (code) {
      case "INVALID_URL_PATTERN" -> invalidUrlPattern();
      case "API_NOT_SUPPORTED" -> apiNotSupported();
      case "INVALID_REQUEST_METHOD" -> invalidRequestMethod();
      case "INVALID_TOKEN" -> invalidToken();
      case "AUTHENTICATION_FAILURE" -> authenticationFailure();
      case "OAUTH_SCOPE_MISMATCH" -> oauthScopeMismatch();
      case "NO_PERMISSION" -> noPermission(400);
      case "TOO_MANY_REQUESTS" -> tooManyRequests();
      case "INTERNAL_ERROR" -> internalError();
      case "DAILY_LIMIT_EXCEEDED" -> dailyLimitExceeded();
      case INVALID_DATA -> invalidRecordId(id == null ? "0" : id);
      case "MANDATORY_NOT_FOUND" -> mandatoryNotFound(SEND_CANCELLING_MAIL);
      case "DEPENDENT_MISMATCH" -> cancelledByNeedsMail();
      case NOT_ALLOWED -> alreadyCancelled();
      case "CANNOT_PERFORM_ACTION" -> cannotPerformAction();
      case "LIMIT_EXCEEDED" ->
          new ZohoErrorReply(400, TOP, "LIMIT_EXCEEDED", none(), "limit exceeded");
      default -> throw new IllegalArgumentException("no documented Zoho error " + code);
    };
  }

  private static ObjectNode fieldDetails(String apiName, String jsonPath, String expectedType) {
    return Json.object(
        "api_name", apiName, "json_path", jsonPath, "expected_data_type", expectedType);
  }

  private static String itemPath(String apiName) {
    return "$.data[0]." + apiName;
  }

  private static ObjectNode none() {
    return Json.object();
  }
}
