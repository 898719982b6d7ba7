package dev.zohoconnect.process;

import static dev.zohoconnect.process.ProcessInstanceAssert.assertThatInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.process.JobCommandJournal.FailCommand;
import dev.zohoconnect.process.JobCommandJournal.ThrowErrorCommand;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import dev.zohoconnect.process.scenarios.CancelMeetingScenarios;
import dev.zohoconnect.process.scenarios.ZohoOrgState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector workers the Camunda Process Test backend opens on CPT's client ({@link
 * ConnectorJobWorkers}), checked where no Docker is needed: on the in-memory engine, whose record
 * stream shows every job failure and thrown error. What the workers' {@link JobCommandJournal}
 * recorded must be what the engine wrote, since {@link CptEngineDriver} reports job failures and
 * thrown errors' variables from that journal.
 *
 * <p>Runs the real connector against the Zoho emulator in a small process built here (the task as
 * the element template configures it, with the template's default error expression), so it does not
 * depend on the example processes.
 */
class ConnectorJobWorkersTest {

  /**
   * The harness' own connector, used by no process, so it stays idle: the workers opened here on
   * its client run the SPI-listed connectors, not this one.
   */
  private static final String IDLE_TYPE = "dev.zohoconnect:test-idle:1";

  private static final String PROCESS = "journal-check";
  private static final AtomicLong IDS = new AtomicLong(4876876000001700000L);

  static InMemoryZeebeDriver engine;
  static ConnectorJobWorkers workers;
  @AutoClose ZohoCrmEmulator zoho = ZohoCrmEmulator.start();

  @BeforeAll
  static void startEngineAndWorkers() {
    ConnectorRuntimeHarness harness =
        ConnectorRuntimeHarness.builder()
            .discoverConnectors(false)
            .connector(IDLE_TYPE, context -> null)
            .start();
    engine = InMemoryZeebeDriver.owning(harness);
    workers =
        ConnectorJobWorkers.builder()
            .secrets(CancelMeetingScenarios.SECRETS)
            .recordJobCommands()
            .open(harness.client());
    engine.deploy(PROCESS + ".bpmn", cancelMeetingProcess());
  }

  @AfterAll
  static void stop() {
    if (workers != null) {
      workers.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * start -> "cancel" (the connector, retries 3; boundary error event "invalidData" for code
   * INVALID_DATA -> end "notFound") -> end "cancelled".
   */
  static BpmnModelInstance cancelMeetingProcess() {
    return Bpmn.createExecutableProcess(PROCESS)
        .startEvent("start")
        .serviceTask(
            "cancel",
            task ->
                TemplateBoundTask.on(task)
                    .meeting("meetingId", "false")
                    .refreshTokenFromSecrets()
                    .endpoints("true", "zohoAccountsUrl", "zohoApiBaseUrl")
                    .resultAndErrorHeaders())
        .boundaryEvent("invalidData")
        .error("INVALID_DATA")
        .endEvent("notFound")
        .moveToActivity("cancel")
        .endEvent("cancelled")
        .done();
  }

  @Test
  void opensAWorkerForEveryConnectorListedForSpi() {
    assertThat(workers.connectorTypes())
        .contains(CancelMeetingFunction.JOB_TYPE, EchoTestConnector.TYPE)
        .doesNotContain(IDLE_TYPE);
  }

  @Test
  void runsTheConnectorAndRecordsNothingForACompletedJob() {
    String id = meetingIn(ZohoOrgState.upcomingMeeting());

    long key = start(id);

    assertThatInstance(engine, key).isCompleted().hasPassed("cancelled");
    assertThat(zoho.meetings().isCancelled(id)).isTrue();
    assertJournalMatchesEngine(key);
    assertThat(workers.journal().failures(key)).isEmpty();
    assertThat(workers.journal().thrownErrors(key)).isEmpty();
  }

  @Test
  void aCaughtBpmnErrorIsRecordedWithTheVariablesTheCatchEventGot() {
    long key = startWithMeetingIn(ZohoOrgState.noSuchMeeting());

    assertThatInstance(engine, key).isCompleted().tookBoundaryEvent("invalidData");
    assertJournalMatchesEngine(key);
    ThrowErrorCommand thrown = workers.journal().thrownErrors(key).getFirst();
    assertThat(thrown.elementId()).isEqualTo("cancel");
    assertThat(thrown.jobType()).isEqualTo(CancelMeetingFunction.JOB_TYPE);
    assertThat(thrown.errorCode()).isEqualTo("INVALID_DATA");
    assertThat(thrown.errorMessage()).startsWith("[INVALID_DATA]");
    assertThat(thrown.variables()).containsOnlyKeys("zohoError");
    assertThat(thrown.variables()).isEqualTo(engine.localVariables(key, "invalidData"));
  }

  @Test
  void anUncaughtBpmnErrorIsRecordedToo() {
    long key = startWithMeetingIn(ZohoOrgState.nobodyInvited());

    assertThatInstance(engine, key).hasIncident().hasIncidentOfType("UNHANDLED_ERROR_EVENT");
    assertJournalMatchesEngine(key);
    // The engine's ERROR_THROWN record of an error nothing catches names no element
    // ("NO_CATCH_EVENT_FOUND"); the journal keeps the element of the job that threw it.
    assertThat(engine.thrownErrors(key))
        .extracting(ThrownError::elementId)
        .containsExactly("NO_CATCH_EVENT_FOUND");
    assertThat(workers.journal().thrownErrors(key))
        .extracting(ThrowErrorCommand::elementId, ThrowErrorCommand::errorCode)
        .containsExactly(tuple("cancel", "NOT_ALLOWED"));
  }

  @Test
  void jobFailuresAreRecordedWithRetriesLeftAndBackoffAsTheEngineWroteThem() {
    long key = startWithMeetingIn(ZohoOrgState.zohoKeepsFailing(Fault.serverError()));

    // Retryable, and a 500 may come after the cancellation was done: the error expression leaves
    // the failures to the runtime (the task header's backoff, the variables kept on the job); the
    // BPMN error on run 3.
    JobFailure first = engine.awaitJobFailures(key, 1, Duration.ofSeconds(20)).getFirst();
    engine.increaseTime(first.retryBackoff());
    engine.awaitJobFailures(key, 2, Duration.ofSeconds(20));
    engine.increaseTime(first.retryBackoff());
    assertThatInstance(engine, key).within(Duration.ofSeconds(20)).hasIncident();

    assertJournalMatchesEngine(key);
    assertThat(workers.journal().failures(key))
        .extracting(FailCommand::retries, FailCommand::retryBackoff)
        .containsExactly(tuple(2, Duration.ZERO), tuple(1, Duration.ZERO));
    assertThat(workers.journal().failures(key))
        .allSatisfy(f -> assertThat(f.errorMessage()).startsWith("[INTERNAL_ERROR]"));
    assertThat(workers.journal().thrownErrors(key))
        .extracting(ThrowErrorCommand::errorCode)
        .containsExactly("INTERNAL_ERROR");
  }

  @Test
  void aFailureThatLeavesNoRetriesIsRecordedWithZeroRetries() {
    long key = start("1/../../Leads/2");

    assertThatInstance(engine, key).hasIncident().hasIncidentOfType("JOB_NO_RETRIES");
    assertJournalMatchesEngine(key);
    assertThat(workers.journal().failures(key))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.retries()).isZero();
              assertThat(f.errorMessage()).contains("meeting.meetingId");
            });
  }

  /** The journal reports the FAILED and ERROR_THROWN job events of the record stream. */
  private static void assertJournalMatchesEngine(long key) {
    assertThat(workers.journal().awaitSettled(Duration.ofSeconds(2))).isTrue();
    assertThat(workers.journal().failures(key))
        .extracting(FailCommand::asJobFailure)
        .as("job failures at the worker vs. the engine's records\n%s", engine.describe(key))
        .containsExactlyElementsOf(engine.jobFailures(key));
    // Element ids are compared by the tests (see anUncaughtBpmnErrorIsRecordedToo).
    assertThat(workers.journal().thrownErrors(key))
        .extracting(ThrowErrorCommand::asThrownError)
        .as("thrown errors at the worker vs. the engine's records\n%s", engine.describe(key))
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("elementId")
        .containsExactlyElementsOf(engine.thrownErrors(key));
  }

  private String meetingIn(ZohoOrgState state) {
    String id = Long.toString(IDS.incrementAndGet());
    state.arrange(zoho, id);
    return id;
  }

  private long startWithMeetingIn(ZohoOrgState state) {
    return start(meetingIn(state));
  }

  private long start(String meetingId) {
    return engine.startInstance(
        PROCESS,
        Map.of(
            "meetingId", meetingId,
            "zohoApiBaseUrl", zoho.baseUrl(),
            "zohoAccountsUrl", zoho.baseUrl()));
  }
}
