package dev.zohoconnect.cancelmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the contract's error tables, in the shape and status Zoho uses, arrives as {@code
 * error.code} = Zoho's code with its status, details and (for NOT_ALLOWED) a stable reason;
 * business failures are sent once, transient ones are retried inside the job.
 */
class ZohoErrorMappingTest extends ZohoWireTest {

  static Stream<Arguments> contractErrors() {
    return Stream.of(
        row(
            ErrorCodes.INVALID_URL_PATTERN,
            404,
            top(
                "INVALID_URL_PATTERN",
                "Please check if the URL trying to access is a correct one",
                "{}"),
            null,
            1),
        row(
            ErrorCodes.OAUTH_SCOPE_MISMATCH,
            401,
            top("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL", "{}"),
            null,
            1),
        row(
            ErrorCodes.INTERNAL_ERROR,
            500,
            top("INTERNAL_ERROR", "Internal Server Error", "{}"),
            null,
            3),
        row(
            ErrorCodes.INVALID_REQUEST_METHOD,
            400,
            top("INVALID_REQUEST_METHOD", "The http request method type is not a valid one", "{}"),
            null,
            1),
        row(
            ErrorCodes.INVALID_DATA,
            400,
            item(
                "INVALID_DATA",
                "the id given seems to be invalid",
                "{\"id\":\"" + MEETING_ID + "\"}"),
            null,
            1),
        row(
            ErrorCodes.INVALID_DATA,
            400,
            top(
                "INVALID_DATA",
                "invalid data",
                "{\"api_name\":\"send_cancelling_mail\",\"json_path\":\"$.data[0].send_cancelling_mail\",\"expected_data_type\":\"boolean\"}"),
            null,
            1),
        row(
            ErrorCodes.INVALID_DATA,
            400,
            item(
                "INVALID_DATA",
                "invalid data",
                "{\"api_name\":\"send_cancelling_mail\",\"json_path\":\"$.data[0].send_cancelling_mail\",\"expected_data_type\":\"boolean\"}"),
            null,
            1),
        row(
            ErrorCodes.MANDATORY_NOT_FOUND,
            400,
            item(
                "MANDATORY_NOT_FOUND",
                "required field not found",
                "{\"api_name\":\"send_cancelling_mail\",\"json_path\":\"$.data[0].send_cancelling_mail\"}"),
            null,
            1),
        row(
            ErrorCodes.NOT_ALLOWED,
            400,
            item("NOT_ALLOWED", "The event is already cancelled", "{}"),
            "ALREADY_CANCELLED",
            1),
        row(
            ErrorCodes.NOT_ALLOWED,
            400,
            item(
                "NOT_ALLOWED",
                "Cannot cancel the meeting without inviting participants",
                "{\"reason\":\"no_participants_invited\",\"id\":\"" + MEETING_ID + "\"}"),
            "NO_PARTICIPANTS_INVITED",
            1),
        row(
            ErrorCodes.NOT_ALLOWED,
            400,
            item(
                "NOT_ALLOWED",
                "Cannot cancel the meeting after the meeting end time",
                "{\"reason\":\"completed_meeting\",\"id\":\"" + MEETING_ID + "\"}"),
            "MEETING_ENDED",
            1),
        row(
            ErrorCodes.CANNOT_PERFORM_ACTION,
            400,
            item(
                "CANNOT_PERFORM_ACTION", "you do not have permission to perform this action", "{}"),
            null,
            1),
        row(
            ErrorCodes.NO_PERMISSION,
            400,
            top(
                "NO_PERMISSION",
                "permission denied",
                "{\"permissions\":[\"Crm_Implied_Edit_Events\"]}"),
            null,
            1),
        row(
            ErrorCodes.NO_PERMISSION,
            403,
            top(
                "NO_PERMISSION",
                "permission denied",
                "{\"permissions\":[\"Crm_Implied_Edit_Events\"]}"),
            null,
            1),
        row(
            ErrorCodes.DAILY_LIMIT_EXCEEDED,
            400,
            top("DAILY_LIMIT_EXCEEDED", "You have reached your daily mail limit", "{}"),
            null,
            1),
        row(
            ErrorCodes.DEPENDENT_MISMATCH,
            400,
            item(
                "DEPENDENT_MISMATCH",
                "dependent field mismatch",
                "{\"dependee\":{\"api_name\":\"send_cancelling_mail\"},\"api_name\":\"cancelled_by\",\"json_path\":\"$.data[0].cancelled_by\"}"),
            null,
            1),
        row(
            ErrorCodes.AUTHENTICATION_FAILURE,
            401,
            top("AUTHENTICATION_FAILURE", "Authentication failed", "{}"),
            null,
            1),
        row(
            ErrorCodes.TOO_MANY_REQUESTS,
            429,
            top("TOO_MANY_REQUESTS", "too many requests", "{}"),
            null,
            3),
        row(ErrorCodes.LIMIT_EXCEEDED, 400, top("LIMIT_EXCEEDED", "limit exceeded", "{}"), null, 1),
        row(
            ErrorCodes.API_NOT_SUPPORTED,
            400,
            top("API_NOT_SUPPORTED", "API not supported", "{}"),
            null,
            1),
        // Record APIs have answered HTTP 200 with an error item inside data.
        row(
            ErrorCodes.NOT_ALLOWED,
            200,
            item(
                "NOT_ALLOWED",
                "Cannot cancel the meeting after the meeting end time",
                "{\"reason\":\"completed_meeting\"}"),
            "MEETING_ENDED",
            1),
        row(ErrorCodes.INVALID_DATA, 200, top("INVALID_DATA", "invalid data", "{}"), null, 1));
  }

  @ParameterizedTest(name = "{0} HTTP {1}: {2}")
  @MethodSource("contractErrors")
  void everyDocumentedErrorArrivesWithZohosCode(
      String code, int status, String body, String reason, int expectedCalls) {
    givenCancelAnswers(json(status, body));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(code);
    assertThat(error.getMessage()).startsWith("[" + code + "]").contains(MEETING_ID);
    Map<String, Object> vars = error.getErrorVariables();
    assertThat(vars)
        .containsEntry("code", code)
        .containsEntry("zohoCode", code)
        .containsEntry("httpStatus", status)
        .containsEntry("meetingId", MEETING_ID)
        .containsEntry("reason", reason)
        .containsEntry("retryable", expectedCalls > 1);
    assertThat(vars.get("zohoMessage")).isNotNull();
    assertThat(vars.get("details")).isInstanceOf(Map.class);
    assertThat(cancelCalls()).as("calls to Zoho").isEqualTo(expectedCalls);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractErrors")
  void detailsAreZohosOwn(String code, int status, String body, String reason, int calls) {
    givenCancelAnswers(json(status, body));

    ZohoConnectorException error = cancelRefused(variables());

    String detailsJson =
        body.substring(body.indexOf("\"details\":") + 10, body.indexOf(",\"message\""));
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(error.getErrorVariables().get("details"))
                .toString())
        .isEqualTo(detailsJson);
  }

  private static Arguments row(String code, int status, String body, String reason, int calls) {
    return Arguments.of(code, status, body, reason, calls);
  }

  private static String top(String code, String message, String details) {
    return "{\"code\":\"%s\",\"details\":%s,\"message\":\"%s\",\"status\":\"error\"}"
        .formatted(code, details, message);
  }

  private static String item(String code, String message, String details) {
    return "{\"data\":[" + top(code, message, details) + "]}";
  }
}
