package dev.zohoconnect.process;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link ProcessEngineDriver} on zeebe-process-test's in-memory engine, driven by Camunda's real
 * connector runtime through {@link ConnectorRuntimeHarness}. Everything it reports is read from the
 * engine's record stream (the same records Operate is built from).
 */
public final class InMemoryZeebeDriver implements ProcessEngineDriver {

  private static final Duration POLL = Duration.ofMillis(10);

  private final ConnectorRuntimeHarness harness;
  private final boolean ownsHarness;

  /** Drives a harness the caller closes. */
  public InMemoryZeebeDriver(ConnectorRuntimeHarness harness) {
    this(harness, false);
  }

  private InMemoryZeebeDriver(ConnectorRuntimeHarness harness, boolean ownsHarness) {
    this.harness = harness;
    this.ownsHarness = ownsHarness;
  }

  /** Starts a harness with SPI-discovered connectors and these secrets; closing closes it. */
  public static InMemoryZeebeDriver start(Map<String, String> secrets) {
    return new InMemoryZeebeDriver(ConnectorRuntimeHarness.start(secrets), true);
  }

  /** Drives a harness built by the caller; closing the driver closes it. */
  public static InMemoryZeebeDriver owning(ConnectorRuntimeHarness harness) {
    return new InMemoryZeebeDriver(harness, true);
  }

  public ConnectorRuntimeHarness harness() {
    return harness;
  }

  @Override
  public ProcessCommands commands() {
    return harness.commands();
  }

  @Override
  public Duration pollInterval() {
    return POLL;
  }

  @Override
  public boolean isCompleted(long processInstanceKey) {
    return instanceReached(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  @Override
  public boolean isTerminated(long processInstanceKey) {
    return instanceReached(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** Whether the process instance itself (not one of its elements) has an event of that intent. */
  private boolean instanceReached(long processInstanceKey, ProcessInstanceIntent intent) {
    return processEvents(processInstanceKey).stream()
        .anyMatch(r -> r.getKey() == processInstanceKey && r.getIntent() == intent);
  }

  @Override
  public List<String> completedElements(long processInstanceKey) {
    return processEvents(processInstanceKey).stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> r.getKey() != processInstanceKey)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  @Override
  public List<String> takenBoundaryEvents(long processInstanceKey) {
    return processEvents(processInstanceKey).stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.BOUNDARY_EVENT)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  @Override
  public List<ThrownError> thrownErrors(long processInstanceKey) {
    return jobEvents(processInstanceKey).stream()
        .filter(r -> r.getIntent() == JobIntent.ERROR_THROWN)
        .map(
            r ->
                new ThrownError(
                    r.getValue().getElementId(),
                    r.getValue().getErrorCode(),
                    r.getValue().getErrorMessage(),
                    r.getValue().getVariables()))
        .toList();
  }

  @Override
  public Map<String, Object> variablesOfScope(long processInstanceKey, long scopeKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Record<VariableRecordValue> r : this.<VariableRecordValue>events(ValueType.VARIABLE)) {
      VariableRecordValue value = r.getValue();
      if (value.getProcessInstanceKey() == processInstanceKey && value.getScopeKey() == scopeKey) {
        variables.put(value.getName(), JsonValues.parse(value.getValue()));
      }
    }
    return variables;
  }

  @Override
  public OptionalLong latestElementInstance(long processInstanceKey, String elementId) {
    return processEvents(processInstanceKey).stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .mapToLong(Record::getKey)
        .reduce((first, last) -> last);
  }

  @Override
  public List<Incident> incidents(long processInstanceKey) {
    Map<Long, Incident> open = new LinkedHashMap<>();
    for (Record<IncidentRecordValue> r : this.<IncidentRecordValue>events(ValueType.INCIDENT)) {
      if (r.getValue().getProcessInstanceKey() != processInstanceKey) {
        continue;
      }
      if (r.getIntent() == IncidentIntent.CREATED) {
        open.put(
            r.getKey(),
            new Incident(
                r.getValue().getElementId(),
                r.getValue().getErrorType().name(),
                r.getValue().getErrorMessage()));
      } else if (r.getIntent() == IncidentIntent.RESOLVED) {
        open.remove(r.getKey());
      }
    }
    return List.copyOf(open.values());
  }

  @Override
  public List<JobFailure> jobFailures(long processInstanceKey) {
    return jobEvents(processInstanceKey).stream()
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .map(
            r ->
                new JobFailure(
                    r.getValue().getElementId(),
                    r.getValue().getType(),
                    r.getValue().getRetries(),
                    Duration.ofMillis(r.getValue().getRetryBackoff()),
                    r.getValue().getErrorMessage()))
        .toList();
  }

  @Override
  public void increaseTime(Duration duration) {
    harness.increaseTime(duration);
  }

  @Override
  public String describe(long processInstanceKey) {
    InstanceTrace trace = new InstanceTrace(processInstanceKey);
    for (Record<?> r : snapshot()) {
      if (r.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getProcessInstanceKey() == processInstanceKey
          && (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
              || r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
              || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)) {
        trace.line(v.getBpmnElementType(), " ", v.getElementId(), ": ", r.getIntent());
      } else if (r.getValue() instanceof JobRecordValue v
          && v.getProcessInstanceKey() == processInstanceKey) {
        trace
            .line(
                "job ",
                v.getType(),
                " @",
                v.getElementId(),
                ": ",
                r.getIntent(),
                " retries=",
                v.getRetries())
            .detail("code", v.getErrorCode())
            .detail("message", v.getErrorMessage());
      } else if (r.getValue() instanceof IncidentRecordValue v
          && v.getProcessInstanceKey() == processInstanceKey) {
        trace.line(
            "incident @",
            v.getElementId(),
            ": ",
            r.getIntent(),
            " ",
            v.getErrorType(),
            " ",
            v.getErrorMessage());
      }
    }
    Set<String> names = new LinkedHashSet<>(variables(processInstanceKey).keySet());
    return trace.line("variables: ", names).toString();
  }

  @Override
  public void close() {
    if (ownsHarness) {
      harness.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The engine's record list is appended while read: copy it under one lock. */
  private synchronized List<Record<?>> snapshot() {
    List<Record<?>> copy = new ArrayList<>();
    harness.engine().getRecordStreamSource().getRecords().forEach(copy::add);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private <T extends io.camunda.zeebe.protocol.record.RecordValue> List<Record<T>> events(
      ValueType valueType) {
    List<Record<T>> result = new ArrayList<>();
    for (Record<?> r : snapshot()) {
      if (r.getRecordType() == RecordType.EVENT && r.getValueType() == valueType) {
        result.add((Record<T>) r);
      }
    }
    return result;
  }

  private List<Record<ProcessInstanceRecordValue>> processEvents(long processInstanceKey) {
    return this.<ProcessInstanceRecordValue>events(ValueType.PROCESS_INSTANCE).stream()
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .toList();
  }

  private List<Record<JobRecordValue>> jobEvents(long processInstanceKey) {
    return this.<JobRecordValue>events(ValueType.JOB).stream()
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .toList();
  }
}
