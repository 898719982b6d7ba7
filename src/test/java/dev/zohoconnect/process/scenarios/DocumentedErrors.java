package dev.zohoconnect.process.scenarios;

import dev.zohoconnect.emulator.fault.Fault;
import java.util.List;

/**
 * Every documented failure with the org state that provokes it and where the error-handling example
 * process ends for it. Shared by the process tests and the local run.
 */
public final class DocumentedErrors {

  /**
   * @param code the BPMN error code the boundary event catches
   * @param end the end event the example reaches
   * @param state how the org is set up
   * @param sendMail what the process asks for
   * @param retried whether Zeebe retries the job before the error is raised
   */
  public record Case(
      String code, String end, ZohoOrgState state, boolean sendMail, boolean retried) {
    public String boundaryEvent() {
      return "Error_" + code;
    }
  }

  public static final List<Case> ALL =
      List.of(
          new Case("INVALID_DATA", "End_INVALID_DATA", ZohoOrgState.noSuchMeeting(), false, false),
          new Case(
              "NOT_ALLOWED", "End_AlreadyCancelled", ZohoOrgState.alreadyCancelled(), false, false),
          new Case("NOT_ALLOWED", "End_NoParticipants", ZohoOrgState.nobodyInvited(), false, false),
          new Case("NOT_ALLOWED", "End_MeetingEnded", ZohoOrgState.alreadyEnded(), false, false),
          new Case(
              "CANNOT_PERFORM_ACTION",
              "End_CANNOT_PERFORM_ACTION",
              ZohoOrgState.lockedForTheUser(),
              false,
              false),
          new Case(
              "NO_PERMISSION",
              "End_NO_PERMISSION",
              ZohoOrgState.userMayNotEditMeetings(),
              false,
              false),
          new Case(
              "DAILY_LIMIT_EXCEEDED",
              "End_DAILY_LIMIT_EXCEEDED",
              ZohoOrgState.dailyMailLimitReached(),
              true,
              false),
          new Case(
              "ZOHO_OAUTH_INVALID_CLIENT",
              "End_ZOHO_OAUTH_INVALID_CLIENT",
              ZohoOrgState.clientSecretRotated(),
              false,
              false),
          new Case(
              "ZOHO_OAUTH_INVALID_REFRESH_TOKEN",
              "End_ZOHO_OAUTH_INVALID_REFRESH_TOKEN",
              ZohoOrgState.refreshTokenRevoked(),
              false,
              false),
          // Zoho keeps rejecting the token after the connector's one refresh.
          new Case(
              "INVALID_TOKEN",
              "End_INVALID_TOKEN",
              ZohoOrgState.zohoRefuses("INVALID_TOKEN", 2),
              false,
              false),
          // Transient: raised only after the job's retries are spent.
          new Case(
              "INTERNAL_ERROR",
              "End_INTERNAL_ERROR",
              ZohoOrgState.zohoKeepsFailing(Fault.serverError()),
              false,
              true),
          new Case(
              "TOO_MANY_REQUESTS",
              "End_TOO_MANY_REQUESTS",
              ZohoOrgState.zohoKeepsFailing(Fault.tooManyRequests()),
              false,
              true),
          // Codes a validating client cannot provoke: the emulator answers them on request, so the
          // error paths can still be rehearsed.
          refused("OAUTH_SCOPE_MISMATCH"),
          refused("AUTHENTICATION_FAILURE"),
          refused("INVALID_URL_PATTERN"),
          refused("INVALID_REQUEST_METHOD"),
          refused("MANDATORY_NOT_FOUND"),
          refused("DEPENDENT_MISMATCH"));

  private DocumentedErrors() {}

  private static Case refused(String code) {
    return new Case(code, "End_" + code, ZohoOrgState.zohoRefuses(code, 1), false, false);
  }
}
