package dev.zohoconnect.process.scenarios;

import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.crm.Meeting;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * Puts the emulated Zoho org into the state in which cancelling a meeting fails (or succeeds) in
 * one particular way, the way it happens in a real org where that is possible.
 */
@FunctionalInterface
public interface ZohoOrgState {

  String USER = ZohoCrmEmulator.DEFAULT_USER_ID;

  void arrange(ZohoCrmEmulator zoho, String meetingId);

  static ZohoOrgState meeting(UnaryOperator<Meeting.Builder> change) {
    return (zoho, id) -> zoho.meetings().put(change.apply(zoho.upcomingMeeting(id)).build());
  }

  static ZohoOrgState upcomingMeeting() {
    return meeting(b -> b);
  }

  static ZohoOrgState noSuchMeeting() {
    return (zoho, id) -> {};
  }

  static ZohoOrgState alreadyCancelled() {
    return meeting(b -> b.cancelled(true));
  }

  static ZohoOrgState nobodyInvited() {
    return meeting(Meeting.Builder::nobodyInvited);
  }

  /** Held two days ago, for an hour. */
  static ZohoOrgState alreadyEnded() {
    return (zoho, id) -> {
      OffsetDateTime start =
          zoho.clock().instant().minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC);
      meeting(b -> b.start(start).end(start.plusHours(1))).arrange(zoho, id);
    };
  }

  static ZohoOrgState lockedForTheUser() {
    return upcomingMeeting()
        .then((zoho, id) -> zoho.users().update(USER, u -> u.withLockedRecords(id)));
  }

  static ZohoOrgState userMayNotEditMeetings() {
    return upcomingMeeting()
        .then((zoho, id) -> zoho.users().update(USER, u -> u.withEditPermission(false)));
  }

  static ZohoOrgState dailyMailLimitReached() {
    return upcomingMeeting()
        .then((zoho, id) -> zoho.users().update(USER, u -> u.withDailyMailLimit(0)));
  }

  /** The client secret was rotated in Zoho's API console; the process still has the old one. */
  static ZohoOrgState clientSecretRotated() {
    return upcomingMeeting()
        .then(
            (zoho, id) ->
                zoho.tokens().registerClient(ZohoCrmEmulator.DEFAULT_CLIENT_ID, "rotated-secret"));
  }

  static ZohoOrgState refreshTokenRevoked() {
    return upcomingMeeting()
        .then(
            (zoho, id) -> zoho.tokens().revokeRefreshToken(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN));
  }

  /** Zoho answers the next {@code times} cancel calls with its documented error {@code code}. */
  static ZohoOrgState zohoRefuses(String code, int times) {
    return upcomingMeeting()
        .then((zoho, id) -> zoho.faults().enqueue(FaultTarget.CANCEL, times, Fault.refusal(code)));
  }

  static ZohoOrgState zohoKeepsFailing(Fault fault) {
    return upcomingMeeting()
        .then((zoho, id) -> zoho.faults().failRandomly(FaultTarget.CANCEL, 1.0, fault, 1));
  }

  default ZohoOrgState then(ZohoOrgState next) {
    return (zoho, id) -> {
      arrange(zoho, id);
      next.arrange(zoho, id);
    };
  }
}
