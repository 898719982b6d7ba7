package dev.zohoconnect.process;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a process scenario needs from an engine, in the terms a modeler uses: deploy, start, wait
 * for the instance to finish or to stop at an incident, then read which elements it passed, which
 * errors were thrown and caught, its variables, its incidents and job failures.
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

  /** Commands to the engine, through the Camunda client every Camunda 8 engine is reached by. */
  ProcessCommands commands();

  /** Deploys a model built with {@code io.camunda.zeebe.model.bpmn.Bpmn}. */
  default void deploy(String resourceName, BpmnModelInstance model) {
    commands().deploy(resourceName, model);
  }

  /** Deploys BPMN/DMN/form resources from the test classpath. */
  default void deployResource(String... classpathResources) {
    commands().deployResource(classpathResources);
  }

  /** Starts the latest version of a process; returns the process instance key. */
  default long startInstance(String bpmnProcessId, Map<String, ?> variables) {
    return commands().startInstance(bpmnProcessId, variables);
  }

  /** Cancels a running instance (e.g. one left retrying at the end of a test). */
  default void cancelInstance(long processInstanceKey) {
    commands().cancelInstance(processInstanceKey);
  }

  /**
   * Waits until the process instance has completed. Fails at once if it has an incident instead, or
   * was terminated.
   */
  default void awaitCompletion(long processInstanceKey, Duration timeout) {
    await(
        processInstanceKey,
        timeout,
        "to complete",
        () -> isCompleted(processInstanceKey),
        () -> {
          List<Incident> incidents = incidents(processInstanceKey);
          if (!incidents.isEmpty()) {
            return unexpected(
                processInstanceKey, "to complete, but it has an incident: " + incidents.getFirst());
          }
          return isTerminated(processInstanceKey)
              ? unexpected(processInstanceKey, "to complete, but it was terminated")
              : null;
        });
  }

  default void awaitCompletion(long processInstanceKey) {
    awaitCompletion(processInstanceKey, DEFAULT_TIMEOUT);
  }

  /**
   * Waits for an open incident in the instance and returns the first one. Fails at once if the
   * instance completes instead.
   */
  default Incident awaitIncident(long processInstanceKey, Duration timeout) {
    await(
        processInstanceKey,
        timeout,
        "to have an incident",
        () -> !incidents(processInstanceKey).isEmpty(),
        () ->
            isCompleted(processInstanceKey)
                ? new AssertionError(
                    "Expected an incident in process instance "
                        + processInstanceKey
                        + ", but it completed\n"
                        + describe(processInstanceKey))
                : null);
    return incidents(processInstanceKey).getFirst();
  }

  default Incident awaitIncident(long processInstanceKey) {
    return awaitIncident(processInstanceKey, DEFAULT_TIMEOUT);
  }

  /**
   * Waits until jobs of the instance have failed at least {@code count} times (a failure that
   * leaves retries, i.e. the connector will be called again) and returns all failures so far.
   */
  default List<JobFailure> awaitJobFailures(long processInstanceKey, int count, Duration timeout) {
    await(
        processInstanceKey,
        timeout,
        "to have " + count + " job failure(s)",
        () -> jobFailures(processInstanceKey).size() >= count,
        () -> null);
    return jobFailures(processInstanceKey);
  }

  default List<JobFailure> awaitJobFailures(long processInstanceKey, int count) {
    return awaitJobFailures(processInstanceKey, count, DEFAULT_TIMEOUT);
  }

  /** How long the await methods wait between two looks at the engine. */
  Duration pollInterval();

  boolean isTerminated(long processInstanceKey);

  boolean isCompleted(long processInstanceKey);

  /**
   * Ids of the flow elements the instance has completed, in order (the process itself excluded).
   */
  List<String> completedElements(long processInstanceKey);

  /** Ids of the boundary events the instance went through (i.e. was interrupted or branched by). */
  List<String> takenBoundaryEvents(long processInstanceKey);

  /** BPMN errors thrown for jobs of this instance (whether or not something caught them). */
  List<ThrownError> thrownErrors(long processInstanceKey);

  /** Variables of the process instance's root scope, as JSON-like Java values. */
  default Map<String, Object> variables(long processInstanceKey) {
    return variablesOfScope(processInstanceKey, processInstanceKey);
  }

  /**
   * Local variables of the latest instance of an element: the task's input mappings, or the
   * variables a caught BPMN error brought to its catch event (those reach the process only through
   * the catch event's output mappings).
   */
  default Map<String, Object> localVariables(long processInstanceKey, String elementId) {
    long scopeKey =
        latestElementInstance(processInstanceKey, elementId)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "Element "
                            + elementId
                            + " was never activated\n"
                            + describe(processInstanceKey)));
    return variablesOfScope(processInstanceKey, scopeKey);
  }

  /** Variables of one scope (the instance or an element instance), as JSON-like Java values. */
  Map<String, Object> variablesOfScope(long processInstanceKey, long scopeKey);

  /** The key of the latest instance of an element, empty if it was never activated. */
  OptionalLong latestElementInstance(long processInstanceKey, String elementId);

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

  /**
   * Polls until {@code reached} holds; fails with what {@code unreachable} gives as soon as it
   * gives something (the state can no longer come), or describing the instance when time is up.
   */
  private void await(
      long processInstanceKey,
      Duration timeout,
      String what,
      BooleanSupplier reached,
      Supplier<AssertionError> unreachable) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached.getAsBoolean()) {
      AssertionError cannotCome = unreachable.get();
      if (cannotCome != null) {
        throw cannotCome;
      }
      if (System.nanoTime() > deadline) {
        throw unexpected(processInstanceKey, what + " within " + timeout);
      }
      try {
        Thread.sleep(pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private AssertionError unexpected(long processInstanceKey, String expectation) {
    return new AssertionError(
        "Expected process instance "
            + processInstanceKey
            + " "
            + expectation
            + "\n"
            + describe(processInstanceKey));
  }

  /**
   * An incident as Operate shows it. {@code errorType} e.g. JOB_NO_RETRIES, UNHANDLED_ERROR_EVENT.
   */
  record Incident(String elementId, String errorType, String errorMessage) {}

  /**
   * A job failure: what the worker reported and what the engine does next ({@code retriesLeft} 0
   * means an incident; {@code retryBackoff} is the wait before the job is offered again).
   */
  record JobFailure(
      String elementId,
      String jobType,
      int retriesLeft,
      Duration retryBackoff,
      String errorMessage) {}

  /** A BPMN error thrown for a job (e.g. from a connector's {@code errorExpression}). */
  record ThrownError(
      String elementId, String errorCode, String errorMessage, Map<String, Object> variables) {}
}
