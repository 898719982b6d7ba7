package dev.zohoconnect.process;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a process scenario needs from an engine, in the terms a modeler uses: deploy, start, wait
 * for the instance to finish or to stop at an incident, then read which elements it passed,
 * which errors were thrown and caught, its variables, its incidents and job failures.
 *
 * <p>Scenarios written against this interface do not depend on the engine harness: {@link
 * InMemoryZeebeDriver} runs them on zeebe-process-test's in-memory engine with Camunda's real
 * connector runtime; a Camunda Process Test backend can implement the same interface where Docker
 * is available.
 *
 * <p>Await methods fail with an {@link AssertionError} that describes the instance (passed
 * elements, incidents, job failures) when the expected state is not reached in time.
 */
public interface ProcessEngineDriver extends AutoCloseable {

  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Deploys a model built with {@code io.camunda.zeebe.model.bpmn.Bpmn}. */
  void deploy(String resourceName, BpmnModelInstance model);

  /** Deploys BPMN/DMN/form resources from the test classpath. */
  void deployResource(String... classpathResources);

  /** Starts the latest version of a process; returns the process instance key. */
  long startInstance(String bpmnProcessId, Map<String, ?> variables);

  /** Cancels a running instance (e.g. one left retrying at the end of a test). */
  void cancelInstance(long processInstanceKey);

  /**
   * Waits until the process instance has completed. Fails at once if it has an incident instead.
   */
  void awaitCompletion(long processInstanceKey, Duration timeout);

  default void awaitCompletion(long processInstanceKey) {
    awaitCompletion(processInstanceKey, DEFAULT_TIMEOUT);
  }

  /** Waits for an open incident in the instance and returns the first one. */
  Incident awaitIncident(long processInstanceKey, Duration timeout);

  default Incident awaitIncident(long processInstanceKey) {
    return awaitIncident(processInstanceKey, DEFAULT_TIMEOUT);
  }

  /**
   * Waits until jobs of the instance have failed at least {@code count} times (a failure that
   * leaves retries, i.e. the connector will be called again) and returns all failures so far.
   */
  List<JobFailure> awaitJobFailures(long processInstanceKey, int count, Duration timeout);

  default List<JobFailure> awaitJobFailures(long processInstanceKey, int count) {
    return awaitJobFailures(processInstanceKey, count, DEFAULT_TIMEOUT);
  }

  boolean isCompleted(long processInstanceKey);

  /** Ids of the flow elements the instance has completed, in order (the process itself excluded). */
  List<String> completedElements(long processInstanceKey);

  /** Ids of the boundary events the instance went through (i.e. was interrupted or branched by). */
  List<String> takenBoundaryEvents(long processInstanceKey);

  /** BPMN errors thrown for jobs of this instance (whether or not something caught them). */
  List<ThrownError> thrownErrors(long processInstanceKey);

  /** Variables of the process instance's root scope, as JSON-like Java values. */
  Map<String, Object> variables(long processInstanceKey);

  /**
   * Local variables of the latest instance of an element: the task's input mappings, or the
   * variables a caught BPMN error brought to its catch event (those reach the process only through
   * the catch event's output mappings).
   */
  Map<String, Object> localVariables(long processInstanceKey, String elementId);

  /** Incidents of the instance that are still open, oldest first. */
  List<Incident> incidents(long processInstanceKey);

  /** Every failed job of the instance, oldest first (with the retries that remained). */
  List<JobFailure> jobFailures(long processInstanceKey);

  /** Moves the engine clock forward: timers and job retry backoffs become due. */
  void increaseTime(Duration duration);

  /** A readable trace of the instance, for failure messages and debugging. */
  String describe(long processInstanceKey);

  @Override
  void close();

  /** An incident as Operate shows it. {@code errorType} e.g. JOB_NO_RETRIES, UNHANDLED_ERROR_EVENT. */
  record Incident(String elementId, String errorType, String errorMessage) {}

  /**
   * A job failure: what the worker reported and what the engine does next ({@code retriesLeft} 0
   * means an incident; {@code retryBackoff} is the wait before the job is offered again).
   */
  record JobFailure(
      String elementId, String jobType, int retriesLeft, Duration retryBackoff, String errorMessage) {}

  /** A BPMN error thrown for a job (e.g. from a connector's {@code errorExpression}). */
  record ThrownError(
      String elementId, String errorCode, String errorMessage, Map<String, Object> variables) {}
}
