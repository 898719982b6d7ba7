package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.auth.IssuedToken;
import dev.zohoconnect.cancelmeeting.model.ApiVersion;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancellationOptions;
import dev.zohoconnect.cancelmeeting.model.MeetingIds;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * The checks Bean Validation cannot express: rules that span fields, and the meeting id's range.
 * Runs before any call, so bad input never costs a Zoho API credit.
 */
final class RequestValidator {

  private RequestValidator() {}

  static void validate(CancelMeetingRequest request) {
    String meetingId = request.meeting().meetingId();
    if (!MeetingIds.isValid(meetingId)) {
      throw new ConnectorInputException(
          "meeting.meetingId (Meeting id) must be " + MeetingIds.EXPECTATION + "; got "
              + describe(meetingId) + ".");
    }
    if (request.authentication() instanceof AccessTokenAuthentication supplied
        && !IssuedToken.fitsInHeader(supplied.accessToken())) {
      // Never quoted: the value is a credential.
      throw new ConnectorInputException(
          "authentication.accessToken (Access token) contains a space, line break or other"
              + " character no Zoho token has; check the secret's value (a line break copied"
              + " along with the token is the usual cause).");
    }
    CancellationOptions options = request.optionsOrDefaults();
    String cancelledBy = options.cancelledByOrNull();
    if (cancelledBy == null) {
      return;
    }
    if (options.effectiveApiVersion() != ApiVersion.V8) {
      throw new ConnectorInputException(
          "options.cancelledBy (Cancelled by) is supported by API version v8 only: choose v8 or"
              + " clear the field.");
    }
    if (!MeetingIds.isValid(cancelledBy)) {
      throw new ConnectorInputException(
          "options.cancelledBy (Cancelled by) must be a Zoho user id, digits only; got "
              + describe(cancelledBy) + ".");
    }
    if (!request.meeting().sendCancellingMail()) {
      throw new ConnectorInputException(
          "options.cancelledBy (Cancelled by) requires 'Send cancellation mail' = true; Zoho"
              + " refuses it otherwise (DEPENDENT_MISMATCH).");
    }
  }

  // Shows the shape of a bad value without echoing arbitrary input at length into an incident.
  private static String describe(String value) {
    if (value == null) {
      return "nothing";
    }
    if (value.isBlank()) {
      return "a blank value";
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
