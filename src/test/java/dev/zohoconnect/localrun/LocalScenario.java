package dev.zohoconnect.localrun;

import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import dev.zohoconnect.process.scenarios.DocumentedErrors;
import dev.zohoconnect.process.scenarios.ExampleProcesses;
import dev.zohoconnect.process.scenarios.ZohoOrgState;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the local run's outcome table: an example process started against an org in a given
 * state, and where it is expected to end.
 *
 * @param name what the row shows
 * @param processId the example process
 * @param state the org's state before the start
 * @param meetingId a fixed meeting id, or null for a fresh one
 * @param sendMail the process variable {@code sendMail}
 * @param expectedEnd the end event expected, or {@link #INCIDENT}
 * @param expectedError the BPMN error code expected to be caught, or null
 */
record LocalScenario(
    String name,
    String processId,
    ZohoOrgState state,
    String meetingId,
    boolean sendMail,
    String expectedEnd,
    String expectedError) {

  static final String INCIDENT = "incident";

  static List<LocalScenario> all() {
    List<LocalScenario> rows = new ArrayList<>();
    String main = ExampleProcesses.ERROR_HANDLING;
    rows.add(
        ok("Cancel an upcoming meeting", main, ZohoOrgState.upcomingMeeting(), "MeetingCancelled"));
    rows.add(
        ok(
            "Proxy 502 three times, Zeebe retries",
            main,
            ZohoOrgState.upcomingMeeting()
                .then(
                    (zoho, id) -> zoho.faults().enqueue(FaultTarget.CANCEL, 3, Fault.badGateway())),
            "MeetingCancelled"));
    rows.add(
        ok(
            "Cancelled, but the answer was lost",
            main,
            ZohoOrgState.upcomingMeeting()
                .then((zoho, id) -> zoho.faults().enqueue(FaultTarget.CANCEL, Fault.answerLost())),
            "MeetingCancelled"));
    for (DocumentedErrors.Case error : DocumentedErrors.ALL) {
      rows.add(
          new LocalScenario(
              "Zoho error "
                  + error.code()
                  + (error.code().equals("NOT_ALLOWED")
                      ? " (" + error.end().substring(4) + ")"
                      : ""),
              main,
              error.state(),
              null,
              error.sendMail(),
              error.end(),
              error.code()));
    }
    rows.add(
        new LocalScenario(
            "Daily mail limit: cancel without mail, notify owner",
            ExampleProcesses.MAIL_FALLBACK,
            ZohoOrgState.dailyMailLimitReached(),
            null,
            true,
            "CancelledWithoutMail",
            "DAILY_LIMIT_EXCEEDED"));
    rows.add(
        ok(
            "Already cancelled counts as done",
            ExampleProcesses.IDEMPOTENT,
            ZohoOrgState.alreadyCancelled(),
            "End_WasAlreadyCancelled"));
    rows.add(
        new LocalScenario(
            "Uncaught NOT_ALLOWED becomes an incident",
            ExampleProcesses.IDEMPOTENT,
            ZohoOrgState.nobodyInvited(),
            null,
            false,
            INCIDENT,
            null));
    rows.add(
        new LocalScenario(
            "Invalid meeting id: incident at once, no call",
            main,
            ZohoOrgState.noSuchMeeting(),
            "1/../../Leads/2",
            false,
            INCIDENT,
            null));
    return rows;
  }

  private static LocalScenario ok(String name, String processId, ZohoOrgState state, String end) {
    return new LocalScenario(name, processId, state, null, false, end, null);
  }
}
