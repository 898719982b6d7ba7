package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zohoconnect.emulator.crm.CrmUser;
import dev.zohoconnect.emulator.crm.MailQuota;
import dev.zohoconnect.emulator.crm.Meeting;
import dev.zohoconnect.emulator.crm.MeetingStore;
import dev.zohoconnect.emulator.oauth.Scopes;

/** {@code POST /crm/{version}/Events/{id}/actions/cancel} with the cancel page's rules. */
final class CancelEventEndpoint implements EndpointHandler {

  private final ApiAuthenticator authenticator;
  private final MeetingStore meetings;
  private final MailQuota mailQuota;
  private final EmulatorClock clock;
  private final EmulatorSettings settings;
  private final EmulatorCounters counters;
  private final Object cancelLock = new Object();

  CancelEventEndpoint(
      ApiAuthenticator authenticator,
      MeetingStore meetings,
      MailQuota mailQuota,
      EmulatorClock clock,
      EmulatorSettings settings,
      EmulatorCounters counters) {
    this.authenticator = authenticator;
    this.meetings = meetings;
    this.mailQuota = mailQuota;
    this.clock = clock;
    this.settings = settings;
    this.counters = counters;
  }

  static ObjectNode successBody(String id) {
    return Json.dataEnvelope(
        Json.object(
            "code", "SUCCESS",
            "details", Json.object("id", id),
            "message", "The event is successfully cancelled",
            "status", "success"));
  }

  @Override
  public EmulatorReply handle(IncomingRequest request, Route.Matched route) {
    CrmUser user = authenticator.authenticate(request, Scopes.CANCEL_MEETING);
    if (!user.mayEditEvents()) {
      throw ZohoErrors.noPermission(settings.noPermissionStatus()).asException();
    }
    String id = route.recordId();
    if (!Meeting.isValidId(id)) {
      throw ZohoErrors.invalidRecordId(id).asException();
    }
    CancelRequestBody body = CancelRequestBody.parse(request.body(), route.isV8());
    cancel(user, id, body.sendCancellingMail());
    return EmulatorReply.json(200, successBody(id));
  }

  /**
   * Checks and state change happen under one lock: two concurrent cancels of one meeting must not
   * both succeed, and a mail may only be counted for a cancellation that really happens. Throughput
   * is not the point here.
   */
  private void cancel(CrmUser user, String id, boolean sendMail) {
    synchronized (cancelLock) {
      Meeting meeting =
          meetings.find(id).orElseThrow(() -> ZohoErrors.invalidRecordId(id).asException());
      if (!user.mayActOn(id)) {
        throw ZohoErrors.cannotPerformAction().asException();
      }
      if (meeting.cancelled()) {
        throw ZohoErrors.alreadyCancelled().asException();
      }
      if (!meeting.hasInvitedParticipants()) {
        throw ZohoErrors.noParticipantsInvited(id).asException();
      }
      if (meeting.hasEndedBy(clock.instant())) {
        throw ZohoErrors.completedMeeting(id).asException();
      }
      if (sendMail && !mailQuota.tryConsume(user.id(), user.dailyMailLimit(), clock.today())) {
        throw ZohoErrors.dailyLimitExceeded().asException();
      }
      meetings.put(meeting.asCancelled());
    }
    counters.recordCancellation();
    if (sendMail) {
      counters.recordMail(user.id());
    }
  }
}
