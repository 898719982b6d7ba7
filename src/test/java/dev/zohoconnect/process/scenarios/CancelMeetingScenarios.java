package dev.zohoconnect.process.scenarios;

import static dev.zohoconnect.process.ProcessInstanceAssert.assertThatInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import dev.zohoconnect.process.ProcessEngineDriver;
import dev.zohoconnect.process.ProcessEngineDriver.Incident;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import dev.zohoconnect.process.TemplateBoundTask;
import dev.zohoconnect.process.scenarios.Outcomes.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a modeler sees when the example processes run: written once against {@link
 * ProcessEngineDriver}, so any engine backend (the in-memory engine here, Camunda Process Test
 * where Docker exists) runs the same scenarios. Each test gets a fresh Zoho emulator; the
 * connector's token cache is keyed by the emulator's URL, so no state leaks between tests.
 */
public abstract class CancelMeetingScenarios {

  /** The example processes read their credentials as {@code {{secrets.NAME}}}. */
  public static final Map<String, String> SECRETS = TemplateBoundTask.EMULATOR_SECRETS;

  private static final AtomicLong IDS = new AtomicLong(4876876000001563000L);
  private static final String USER = ZohoOrgState.USER;

  @AutoClose protected ZohoCrmEmulator zoho = ZohoCrmEmulator.start();

  /** The engine backend under test, started once per test class. */
  protected abstract ProcessEngineDriver driver();

  @Test
  void cancelsAnUpcomingMeetingAndStoresTheResult() {
    String id = upcomingMeeting();

    long key = start(ExampleProcesses.ERROR_HANDLING, id, false);

    assertThatInstance(driver(), key)
        .isCompleted()
        .hasPassedInOrder("CancelMeeting", "MeetingCancelled")
        .tookNoBoundaryEvent();
    assertThat(cancellation(key))
        .containsEntry("meetingId", id)
        .containsEntry("cancelled", true)
        .containsEntry("alreadyCancelled", false)
        .containsEntry("mailRequested", false)
        .containsEntry("mailStatus", "NOT_REQUESTED")
        .containsEntry("apiVersion", "v7")
        .containsEntry("zohoCode", "SUCCESS")
        .containsEntry("zohoMessage", "The event is successfully cancelled")
        .containsEntry("attempts", 1);
    assertThat(zoho.meetings().isCancelled(id)).isTrue();
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(1);
  }

  @Test
  void secretsAreResolvedByTheRuntimeAndNeverStoredInTheProcess() {
    long key = start(ExampleProcesses.ERROR_HANDLING, upcomingMeeting(), true);

    assertThatInstance(driver(), key).isCompleted();
    // The emulator only issues a token for the real client secret and refresh token.
    assertThat(zoho.counters().tokenRefreshes()).isEqualTo(1);
    String everything = driver().describe(key) + driver().variables(key);
    SECRETS.values().forEach(secret -> assertThat(everything).doesNotContain(secret));
  }

  static Stream<DocumentedErrors.Case> documentedErrors() {
    return DocumentedErrors.ALL.stream();
  }

  /**
   * A 429 pauses the org's calls in the runtime (1 s, doubling while Zoho keeps refusing), in real
   * time, while the test moves Zeebe's backoffs forward at once: nine refused calls take about a
   * minute.
   */
  private static Duration timeToEnd(DocumentedErrors.Case error) {
    return error.code().equals("TOO_MANY_REQUESTS")
        ? Duration.ofSeconds(120)
        : Duration.ofSeconds(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedErrors")
  void eachDocumentedErrorReachesItsBoundaryEvent(DocumentedErrors.Case error) {
    String id = nextId();
    error.state().arrange(zoho, id);

    long key = start(ExampleProcesses.ERROR_HANDLING, id, error.sendMail());
    Outcome outcome = Outcomes.awaitEnd(driver(), key, timeToEnd(error));

    assertThat(outcome.completed()).as(driver().describe(key)).isTrue();
    assertThat(outcome.boundaryEvents()).containsExactly(error.boundaryEvent());
    assertThat(outcome.endElement()).isEqualTo(error.end());
    assertThat(outcome.passed()).doesNotContain("MeetingCancelled");
    ThrownError thrown = outcome.errors().getLast();
    assertThat(thrown.errorCode()).isEqualTo(error.code());
    assertThat(thrown.errorMessage()).startsWith("[" + error.code() + "]");
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) thrown.variables().get("zohoError");
    assertThat(details).containsEntry("code", error.code()).containsEntry("meetingId", id);
    if (error.retried()) {
      // retries="3": two job failures with Zeebe's backoff, the BPMN error on the third run.
      assertThat(outcome.jobFailures()).extracting(JobFailure::retriesLeft).containsExactly(2, 1);
      assertThat(zoho.counters().cancelCalls(id))
          .as("3 attempts in each of 3 job runs")
          .isEqualTo(9);
    } else {
      assertThat(outcome.jobFailures()).isEmpty();
    }
    assertThat(zoho.meetings().find(id).map(m -> m.cancelled()).orElse(false))
        .as("a failed cancellation leaves the meeting as it was")
        .isEqualTo(error.end().equals("End_AlreadyCancelled"));
  }

  @Test
  void aTransientFailureIsRetriedByZeebeAndThenCompletes() {
    String id = upcomingMeeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, 3, Fault.badGateway());

    long key = start(ExampleProcesses.ERROR_HANDLING, id, false);

    JobFailure failure = completesAfterOneZeebeRetry(key);

    assertThat(failure.errorMessage()).startsWith("[ZOHO_SERVER_ERROR]");
    assertThat(failure.retryBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(4);
    assertThat(cancellation(key)).containsEntry("alreadyCancelled", false);
  }

  @Test
  void aCancellationWhoseAnswerWasLostCompletesOnRetryInsteadOfFailing() {
    String id = upcomingMeeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, Fault.answerLost());

    long key = start(ExampleProcesses.ERROR_HANDLING, id, true);

    assertThatInstance(driver(), key)
        .isCompleted()
        .hasPassed("MeetingCancelled")
        .tookNoBoundaryEvent()
        .hasNoIncidents();
    assertThat(cancellation(key))
        .containsEntry("cancelled", true)
        .containsEntry("alreadyCancelled", true);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  @Test
  void aLostAnswerFollowedByAZeebeRetryStillCompletes() {
    // The first job execution cancels the meeting but never learns it (answer lost, then two
    // dropped connections); Zeebe's retry then meets "already cancelled" and must complete.
    String id = upcomingMeeting();
    zoho.faults()
        .enqueue(
            FaultTarget.CANCEL, Fault.answerLost(), Fault.dropConnection(), Fault.dropConnection());

    long key = start(ExampleProcesses.ERROR_HANDLING, id, false);

    completesAfterOneZeebeRetry(key);

    assertThat(zoho.counters().cancelCalls(id))
        .as("3 in the first run, 1 in the retry")
        .isEqualTo(4);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
    assertThat(cancellation(key)).containsEntry("alreadyCancelled", true);
  }

  @Test
  void invalidInputRaisesAnIncidentAtOnceNamingTheField() {
    long key = start(ExampleProcesses.ERROR_HANDLING, "1/../../Leads/2", false);

    Incident incident = driver().awaitIncident(key);

    assertThat(incident.elementId()).isEqualTo("CancelMeeting");
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).contains("meeting.meetingId");
    assertThat(zoho.counters().apiCalls()).isZero();
  }

  @Test
  void anUncaughtBpmnErrorEndsAsAnIncident() {
    String id = meetingIn(ZohoOrgState.nobodyInvited());

    long key = start(ExampleProcesses.IDEMPOTENT, id, false);

    Incident incident = driver().awaitIncident(key);
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.errorMessage()).contains("NOT_ALLOWED");
  }

  @Test
  void dailyMailLimitCancelsAgainWithoutMailAndNotifiesTheOwner() {
    String id = meetingIn(ZohoOrgState.dailyMailLimitReached());

    long key = start(ExampleProcesses.MAIL_FALLBACK, id, true);

    assertThatInstance(driver(), key)
        .isCompleted()
        .tookBoundaryEvent("Error_DAILY_LIMIT_EXCEEDED")
        .hasPassedInOrder("CancelWithoutMail", "NotifyOwner", "CancelledWithoutMail")
        .hasNotPassed("CancelledWithMail");
    assertThat(String.valueOf(driver().variables(key).get("ownerNotification"))).contains(id);
    assertThat(zoho.meetings().isCancelled(id)).isTrue();
    assertThat(zoho.counters().mailsSent(USER)).isZero();
  }

  @Test
  void mailFallbackProcessSendsTheMailWhenTheLimitAllows() {
    String id = upcomingMeeting();

    long key = start(ExampleProcesses.MAIL_FALLBACK, id, true);

    assertThatInstance(driver(), key)
        .isCompleted()
        .hasPassed("CancelledWithMail")
        .tookNoBoundaryEvent();
    assertThat(zoho.counters().mailsSent(USER)).isEqualTo(1);
  }

  @Test
  void anAlreadyCancelledMeetingCountsAsDoneInTheIdempotentProcess() {
    String cancelled = meetingIn(ZohoOrgState.alreadyCancelled());
    String upcoming = upcomingMeeting();

    long first = start(ExampleProcesses.IDEMPOTENT, cancelled, false);
    long second = start(ExampleProcesses.IDEMPOTENT, upcoming, false);

    assertThatInstance(driver(), first).isCompleted().hasPassed("End_WasAlreadyCancelled");
    assertThatInstance(driver(), second).isCompleted().hasPassed("End_CancelledNow");
  }

  /**
   * The job fails once (its in-job attempts spent), Zeebe retries after the backoff, it completes.
   */
  private JobFailure completesAfterOneZeebeRetry(long key) {
    JobFailure failure = driver().awaitJobFailures(key, 1, Duration.ofSeconds(20)).getFirst();
    assertThat(failure.retriesLeft()).isEqualTo(2);
    driver().increaseTime(failure.retryBackoff());
    assertThatInstance(driver(), key)
        .within(Duration.ofSeconds(20))
        .isCompleted()
        .hasPassed("MeetingCancelled")
        .tookNoBoundaryEvent();
    return failure;
  }

  @SuppressWarnings("unchecked")
  protected Map<String, Object> cancellation(long key) {
    return (Map<String, Object>) driver().variables(key).get("cancellation");
  }

  // --- arrangement helpers -------------------------------------------------------------------

  protected String nextId() {
    return Long.toString(IDS.incrementAndGet());
  }

  protected String upcomingMeeting() {
    return meetingIn(ZohoOrgState.upcomingMeeting());
  }

  protected String meetingIn(ZohoOrgState state) {
    String id = nextId();
    state.arrange(zoho, id);
    return id;
  }

  /** Starts an example with the variables its tasks map, pointed at this test's emulator. */
  protected long start(String processId, String meetingId, boolean sendMail) {
    return driver()
        .startInstance(
            processId,
            Map.of(
                "meetingId",
                meetingId,
                "sendMail",
                sendMail,
                "zohoApiBaseUrl",
                zoho.baseUrl(),
                "zohoAccountsUrl",
                zoho.baseUrl()));
  }
}
