package dev.zohoconnect.process;

import static dev.zohoconnect.process.ProcessInstanceAssert.assertThatInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.process.ProcessEngineDriver.Incident;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the harness: Camunda's connector runtime (8.8) runs a test connector on the in-memory
 * engine, with the real input mapping, secret replacement, result and error expressions.
 */
class ConnectorRuntimeHarnessTest {

  static final String SECRET = "s3cr3t-t0ken";

  static final String BPMN_ERROR_EXPRESSION =
      "=if error = null then null else bpmnError(error.code, error.message, error.variables)";
  static final String JOB_ERROR_EXPRESSION =
      "=if error = null then null else jobError(error.message, {}, job.retries - 1, @\"PT1S\")";

  static InMemoryZeebeDriver driver;

  @BeforeAll
  static void startEngineAndRuntime() {
    driver = InMemoryZeebeDriver.start(Map.of("ECHO_TOKEN", SECRET));
    // SPI: the test connector (test resources) and any connector the project itself lists.
    assertThat(driver.harness().connectorTypes()).contains(EchoTestConnector.TYPE);
    driver.deploy("echo-bpmn-error.bpmn", echoProcess("echo-bpmn-error", BPMN_ERROR_EXPRESSION));
    driver.deploy("echo-job-error.bpmn", echoProcess("echo-job-error", JOB_ERROR_EXPRESSION));
    driver.deploy("echo-plain.bpmn", echoProcess("echo-plain", null));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  /**
   * start -> "echo" service task (the test connector, a boundary error event "someCodeCaught" for
   * code SOME_CODE, output mapping zohoStatus -> caughtZohoStatus) -> end "done"; the boundary
   * event leads to end "errorHandled".
   */
  static BpmnModelInstance echoProcess(String processId, String errorExpression) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("echo", task -> echoTask(task, errorExpression))
        .boundaryEvent("someCodeCaught")
        .error("SOME_CODE")
        .zeebeOutputExpression("zohoStatus", "caughtZohoStatus")
        .endEvent("errorHandled")
        .moveToActivity("echo")
        .endEvent("done")
        .done();
  }

  private static void echoTask(ServiceTaskBuilder task, String errorExpression) {
    task.zeebeJobType(EchoTestConnector.TYPE)
        .zeebeJobRetries("3")
        .zeebeInputExpression("message", "message")
        .zeebeInput("{{secrets.ECHO_TOKEN}}", "token") // as Modeler writes a plain text field
        .zeebeInputExpression("behaviour", "behaviour")
        .zeebeInputExpression("errorCode", "errorCode")
        .zeebeInputExpression("errorVariables", "errorVariables")
        .zeebeInputExpression("failAttempts", "failAttempts")
        .zeebeTaskHeader("resultVariable", "echoResponse")
        .zeebeTaskHeader(
            "resultExpression",
            "={echoed: response.message, echoedToken: response.token, attempt: response.attempt}")
        .zeebeTaskHeader("retryBackoff", "PT1S");
    if (errorExpression != null) {
      task.zeebeTaskHeader("errorExpression", errorExpression);
    }
  }

  /** An instance whose echo task fails its first attempt, its job error expression retrying it. */
  private static long startFailingOnce(String message) {
    return driver.startInstance(
        "echo-job-error",
        vars("message", message, "behaviour", "failFirstAttempts", "failAttempts", 1));
  }

  private static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  @Test
  void happyPathSetsResultVariableAndResultExpression() {
    long key = driver.startInstance("echo-bpmn-error", vars("message", "hello"));

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassedInOrder("start", "echo", "done")
        .hasNotPassed("errorHandled")
        .tookNoBoundaryEvent()
        .hasVariable("echoed", "hello")
        .hasVariable("attempt", 1)
        .hasNoIncidents()
        .hasJobFailures(0);
    assertThatInstance(driver, key)
        .variable("echoResponse")
        .isEqualTo(Map.of("message", "hello", "token", SECRET, "attempt", 1));
  }

  @Test
  void secretPlaceholderIsReplacedByTheRuntime() {
    long key = driver.startInstance("echo-plain", vars("message", "with secret"));

    assertThatInstance(driver, key).isCompleted().hasVariable("echoedToken", SECRET);
    // The engine only ever saw the placeholder; the value came from the harness' secret map.
    assertThat(driver.harness().records().variableRecords())
        .filteredOn(r -> r.getValue().getProcessInstanceKey() == key)
        .filteredOn(r -> r.getValue().getName().equals("token"))
        .extracting(r -> r.getValue().getValue())
        .containsOnly("\"{{secrets.ECHO_TOKEN}}\"");
  }

  @Test
  void connectorExceptionBecomesBpmnErrorCaughtByBoundaryEvent() {
    long key =
        driver.startInstance(
            "echo-bpmn-error",
            vars(
                "message", "meeting is gone",
                "behaviour", "throw",
                "errorCode", "SOME_CODE",
                "errorVariables", Map.of("zohoStatus", 404, "detail", "not found")));

    assertThatInstance(driver, key)
        .isCompleted()
        .tookBoundaryEvent("someCodeCaught")
        .hasPassedInOrder("start", "someCodeCaught", "errorHandled")
        .hasNotPassed("echo", "done")
        .threwErrorSatisfying(
            "SOME_CODE",
            error -> {
              assertThat(error.elementId()).isEqualTo("echo");
              assertThat(error.errorMessage()).isEqualTo("meeting is gone");
              assertThat(error.variables())
                  .containsEntry("zohoStatus", 404)
                  .containsEntry("detail", "not found");
            })
        // Error variables are local to the catch event ...
        .hasLocalVariable("someCodeCaught", "zohoStatus", 404)
        .hasLocalVariable("someCodeCaught", "detail", "not found")
        .hasNoVariable("detail")
        // ... and reach the process through its output mapping only.
        .hasVariable("caughtZohoStatus", 404)
        .hasNoVariable("echoed")
        .hasJobFailures(0);
  }

  @Test
  void jobErrorExpressionRetriesTheJob() {
    long key = startFailingOnce("second time lucky");

    JobFailure failure = driver.awaitJobFailures(key, 1).getFirst();
    assertThat(failure.elementId()).isEqualTo("echo");
    assertThat(failure.retriesLeft()).isEqualTo(2);
    assertThat(failure.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(failure.errorMessage()).isEqualTo("attempt 1 failed");
    driver.increaseTime(Duration.ofSeconds(1)); // the backoff, without waiting for it

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed("echo", "done")
        .hasVariable("echoed", "second time lucky")
        .hasVariable("attempt", 2)
        .hasJobFailures(1)
        .hasNoIncidents();
  }

  /**
   * A cluster keeps the variables of a FailJob command as local variables of the task: the
   * runtime's {@code error} is there when the job comes back (the in-memory gateway alone would
   * drop it).
   */
  @Test
  void theFailureTheRuntimeStoredIsThereWhenTheJobComesBack() {
    long key = startFailingOnce("again");

    driver.awaitJobFailures(key, 1);
    driver.increaseTime(Duration.ofSeconds(1));

    assertThatInstance(driver, key)
        .isCompleted()
        .hasLocalVariable("echo", "error", "attempt 1 failed");
    assertThatInstance(driver, key).hasNoVariable("error");
  }

  /** A second runtime on the same engine, as after a restart: it picks up what the first left. */
  @Test
  void aSecondRuntimeAttachesToTheSameEngine() {
    String type = "dev.zohoconnect:test-attach:1";
    BpmnModelInstance process =
        Bpmn.createExecutableProcess("attach")
            .startEvent()
            .serviceTask("attachTask", t -> t.zeebeJobType(type))
            .endEvent()
            .done();
    try (var first =
        ConnectorRuntimeHarness.builder()
            .discoverConnectors(false)
            .connector("dev.zohoconnect:test-other:1", context -> Map.of())
            .start()) {
      var firstDriver = new InMemoryZeebeDriver(first);
      firstDriver.deploy("attach.bpmn", process);
      long key = firstDriver.startInstance("attach", Map.of());

      try (var second =
          ConnectorRuntimeHarness.builder()
              .engine(first.engine())
              .discoverConnectors(false)
              .connector(type, context -> Map.of("by", "second"))
              .start()) {
        assertThat(second.gatewayAddress()).isEqualTo(first.gatewayAddress());
        assertThatInstance(new InMemoryZeebeDriver(second), key).isCompleted();
      }
      // Closing the attached runtime leaves the engine to its owner.
      assertThat(firstDriver.startInstance("attach", Map.of())).isPositive();
    }
  }

  @Test
  void invalidInputIsAnIncidentAtOnce() {
    long key = driver.startInstance("echo-plain", vars("message", "  "));

    Incident incident = driver.awaitIncident(key);
    assertThat(incident.elementId()).isEqualTo("echo");
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage())
        .contains("Found constraints violated while validating input")
        .contains("Property: message");
    assertThatInstance(driver, key)
        .hasJobFailures(1)
        .jobFailuresSatisfy(f -> assertThat(f.getFirst().retriesLeft()).isZero())
        .hasNotPassed("echo");
  }

  @Test
  void bpmnErrorWithoutMatchingBoundaryEventIsAnIncident() {
    long key =
        driver.startInstance(
            "echo-bpmn-error",
            vars(
                "message", "nobody catches this",
                "behaviour", "throw",
                "errorCode", "OTHER_CODE",
                "errorVariables", Map.of("zohoStatus", 500)));

    assertThatInstance(driver, key)
        .hasIncident()
        .hasIncidentOfType("UNHANDLED_ERROR_EVENT")
        .hasIncidentAt("echo")
        .hasIncidentMessageContaining("OTHER_CODE")
        .threwError("OTHER_CODE")
        .tookNoBoundaryEvent();
  }

  /** Connectors can also be given explicitly, e.g. a stub for a job type, without SPI discovery. */
  @Test
  void explicitlyRegisteredConnectorRunsWithoutDiscovery() {
    try (var harness =
            ConnectorRuntimeHarness.builder()
                .discoverConnectors(false)
                .connector("dev.zohoconnect:test-stub:1", context -> Map.of("stubbed", true))
                .start();
        var stubDriver = new InMemoryZeebeDriver(harness)) {
      assertThat(harness.connectorTypes()).containsExactly("dev.zohoconnect:test-stub:1");
      stubDriver.deploy(
          "stub.bpmn",
          Bpmn.createExecutableProcess("stub")
              .startEvent()
              .serviceTask(
                  "stubTask",
                  t ->
                      t.zeebeJobType("dev.zohoconnect:test-stub:1")
                          .zeebeTaskHeader("resultExpression", "={wasStubbed: response.stubbed}"))
              .endEvent()
              .done());

      long key = stubDriver.startInstance("stub", Map.of());

      assertThatInstance(stubDriver, key)
          .isCompleted()
          .hasPassed("stubTask")
          .hasVariable("wasStubbed", true);
    }
  }

  /**
   * Without an error expression, any exception costs one retry with the {@code retryBackoff}
   * header's backoff, and the runtime masks secret values in the error message.
   */
  @Test
  void plainConnectorExceptionIsRetriedWithBackoffAndSecretsMasked() {
    long key =
        driver.startInstance(
            "echo-plain", vars("message", "m", "behaviour", "throwWithToken", "errorCode", "AUTH"));

    JobFailure failure = driver.awaitJobFailures(key, 1).getFirst();
    assertThat(failure.retriesLeft()).isEqualTo(2);
    assertThat(failure.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(failure.errorMessage()).isEqualTo("rejected token ***").doesNotContain(SECRET);
    assertThatInstance(driver, key).hasNoIncidents().tookNoBoundaryEvent();
    driver.cancelInstance(key);
  }

  /**
   * A pitfall worth a test: {@code bpmnError(code, message, error.variables)} fails in FEEL when
   * the connector gave no error variables (null is not a context), just as {@code bpmnError} with a
   * null code does. The runtime then fails the job with no retries: an incident that shows the FEEL
   * failure instead of the connector's error. A guarded form that works: {@code if error = null or
   * error.code = null then null else bpmnError(error.code, error.message, if error.variables = null
   * then {} else error.variables)}.
   */
  @Test
  void bpmnErrorExpressionWithoutVariablesFailsInFeel() {
    long key =
        driver.startInstance(
            "echo-bpmn-error",
            vars("message", "no variables", "behaviour", "throw", "errorCode", "SOME_CODE"));

    assertThatInstance(driver, key)
        .hasIncident()
        .hasIncidentOfType("JOB_NO_RETRIES")
        .hasIncidentMessageContaining(
            "Parameter 'variables' of function 'bpmnError' must be a Context")
        .tookNoBoundaryEvent();
    assertThat(driver.thrownErrors(key)).isEmpty();
  }
}
