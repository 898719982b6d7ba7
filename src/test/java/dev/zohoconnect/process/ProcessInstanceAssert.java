package dev.zohoconnect.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.process.ProcessEngineDriver.Incident;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on a process instance that read like what a modeler sees in Operate, built only on
 * {@link ProcessEngineDriver} so they work on any backend.
 *
 * <pre>{@code
 * assertThatInstance(driver, key)
 *     .isCompleted()                                   // waits
 *     .hasPassed("cancelMeeting", "meetingCancelled")
 *     .hasNotPassed("notFoundBoundary")
 *     .hasVariable("cancelled", true);
 *
 * assertThatInstance(driver, key)
 *     .hasIncident()                                   // waits
 *     .hasIncidentMessageContaining("401");
 * }</pre>
 *
 * The waiting steps ({@link #isCompleted()}, {@link #hasIncident()}) come first; the others read
 * the current state.
 */
public final class ProcessInstanceAssert {

  private final ProcessEngineDriver driver;
  private final long key;
  private Duration timeout = ProcessEngineDriver.DEFAULT_TIMEOUT;

  private ProcessInstanceAssert(ProcessEngineDriver driver, long key) {
    this.driver = driver;
    this.key = key;
  }

  public static ProcessInstanceAssert assertThatInstance(ProcessEngineDriver driver, long key) {
    return new ProcessInstanceAssert(driver, key);
  }

  /** Timeout of the waiting assertions that follow. */
  public ProcessInstanceAssert within(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Waits for the instance to reach an end; fails at once on an incident. */
  public ProcessInstanceAssert isCompleted() {
    driver.awaitCompletion(key, timeout);
    return this;
  }

  /** Waits for an open incident. */
  public ProcessInstanceAssert hasIncident() {
    driver.awaitIncident(key, timeout);
    return this;
  }

  /** The instance passed (completed) these elements, in any order. */
  public ProcessInstanceAssert hasPassed(String... elementIds) {
    assertThat(driver.completedElements(key))
        .as("completed elements of %s", key)
        .contains(elementIds);
    return this;
  }

  /** The instance passed these elements in this order (other elements may lie between). */
  public ProcessInstanceAssert hasPassedInOrder(String... elementIds) {
    assertThat(driver.completedElements(key))
        .as("completed elements of %s", key)
        .containsSubsequence(elementIds);
    return this;
  }

  public ProcessInstanceAssert hasNotPassed(String... elementIds) {
    assertThat(driver.completedElements(key))
        .as("completed elements of %s", key)
        .doesNotContain(elementIds);
    return this;
  }

  /** A boundary event was triggered (the task it sits on was left through it). */
  public ProcessInstanceAssert tookBoundaryEvent(String boundaryEventId) {
    assertThat(driver.takenBoundaryEvents(key))
        .as("boundary events taken by %s\n%s", key, driver.describe(key))
        .contains(boundaryEventId);
    return this;
  }

  public ProcessInstanceAssert tookNoBoundaryEvent() {
    assertThat(driver.takenBoundaryEvents(key)).as("boundary events taken by %s", key).isEmpty();
    return this;
  }

  /** A BPMN error with this code was thrown for a job of the instance. */
  public ProcessInstanceAssert threwError(String errorCode) {
    assertThat(driver.thrownErrors(key))
        .as("BPMN errors thrown in %s", key)
        .extracting(ThrownError::errorCode)
        .contains(errorCode);
    return this;
  }

  /** The first thrown BPMN error with this code, for detailed checks. */
  public ProcessInstanceAssert threwErrorSatisfying(String errorCode, Consumer<ThrownError> check) {
    threwError(errorCode);
    check.accept(
        driver.thrownErrors(key).stream()
            .filter(e -> errorCode.equals(e.errorCode()))
            .findFirst()
            .orElseThrow());
    return this;
  }

  public ProcessInstanceAssert hasVariable(String name, Object expected) {
    Map<String, Object> variables = driver.variables(key);
    assertThat(variables).as("variables of %s", key).containsKey(name);
    assertThat(variables.get(name)).as("variable %s", name).isEqualTo(expected);
    return this;
  }

  /**
   * A local variable of an element, e.g. an error variable at the boundary event that caught it.
   */
  public ProcessInstanceAssert hasLocalVariable(String elementId, String name, Object expected) {
    Map<String, Object> variables = driver.localVariables(key, elementId);
    assertThat(variables).as("local variables of %s in %s", elementId, key).containsKey(name);
    assertThat(variables.get(name)).as("variable %s of %s", name, elementId).isEqualTo(expected);
    return this;
  }

  public ProcessInstanceAssert hasNoVariable(String name) {
    assertThat(driver.variables(key)).as("variables of %s", key).doesNotContainKey(name);
    return this;
  }

  /** AssertJ on one variable's value (JSON objects are maps, arrays are lists). */
  public ObjectAssert<Object> variable(String name) {
    Map<String, Object> variables = driver.variables(key);
    assertThat(variables).as("variables of %s", key).containsKey(name);
    return assertThat(variables.get(name)).as("variable %s", name);
  }

  public ProcessInstanceAssert hasNoIncidents() {
    assertThat(driver.incidents(key)).as("incidents of %s", key).isEmpty();
    return this;
  }

  public ProcessInstanceAssert hasIncidentMessageContaining(String text) {
    assertThat(driver.incidents(key))
        .as("incidents of %s", key)
        .extracting(Incident::errorMessage)
        .anySatisfy(message -> assertThat(message).contains(text));
    return this;
  }

  /** E.g. {@code JOB_NO_RETRIES} (worker gave up) or {@code UNHANDLED_ERROR_EVENT}. */
  public ProcessInstanceAssert hasIncidentOfType(String errorType) {
    assertThat(driver.incidents(key))
        .as("incidents of %s", key)
        .extracting(Incident::errorType)
        .contains(errorType);
    return this;
  }

  public ProcessInstanceAssert hasIncidentAt(String elementId) {
    assertThat(driver.incidents(key))
        .as("incidents of %s", key)
        .extracting(Incident::elementId)
        .contains(elementId);
    return this;
  }

  /** How often jobs of the instance failed and were (or were to be) retried. */
  public ProcessInstanceAssert hasJobFailures(int count) {
    assertThat(driver.jobFailures(key)).as("job failures of %s", key).hasSize(count);
    return this;
  }

  public ProcessInstanceAssert jobFailuresSatisfy(Consumer<List<JobFailure>> check) {
    check.accept(driver.jobFailures(key));
    return this;
  }
}
