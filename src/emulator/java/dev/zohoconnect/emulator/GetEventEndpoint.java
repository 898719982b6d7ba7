package dev.zohoconnect.emulator;

import dev.zohoconnect.emulator.crm.Meeting;
import dev.zohoconnect.emulator.crm.MeetingJson;
import dev.zohoconnect.emulator.crm.MeetingStore;
import dev.zohoconnect.emulator.oauth.Scopes;

/** {@code GET /crm/{version}/Events/{id}}: how a client checks {@code $event_cancelled}. */
final class GetEventEndpoint implements EndpointHandler {

  private final ApiAuthenticator authenticator;
  private final MeetingStore meetings;
  private final MeetingJson meetingJson;

  GetEventEndpoint(ApiAuthenticator authenticator, MeetingStore meetings, MeetingJson meetingJson) {
    this.authenticator = authenticator;
    this.meetings = meetings;
    this.meetingJson = meetingJson;
  }

  @Override
  public EmulatorReply handle(IncomingRequest request, Route.Matched route) {
    authenticator.authenticate(request, Scopes.READ_MEETING);
    String id = route.recordId();
    if (!Meeting.isValidId(id)) {
      throw ZohoErrors.invalidRecordId(id).asException();
    }
    // Zoho answers a well-formed id that names no record with 204 and no body, not with an error.
    return meetings
        .find(id)
        .map(meeting -> EmulatorReply.json(200, Json.dataEnvelope(meetingJson.write(meeting))))
        .orElseGet(() -> EmulatorReply.noContent(204));
  }
}
