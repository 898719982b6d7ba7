package dev.zohoconnect.process;

import dev.zohoconnect.process.JobCommandJournal.FailCommand;
import dev.zohoconnect.process.JobCommandJournal.ThrowErrorCommand;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link ProcessEngineDriver} on Camunda Process Test (CPT): a real Camunda 8.8 engine in the
 * {@code camunda/camunda} container CPT starts, with Camunda's connector runtime running the
 * connector in the test JVM as job workers ({@link ConnectorJobWorkers}) against CPT's client.
 *
 * <p>What it reports comes from the engine's REST search API (process instances, element instances,
 * variables, incidents, jobs), i.e. what Operate shows, with one exception: the history of job
 * failures (retries left, retry backoff) and the variables of thrown BPMN errors are not in that
 * API (a job keeps only its latest state there), so they come from the {@link JobCommandJournal} of
 * the in-JVM workers: the fail and throw-error commands the engine accepted. Jobs the API shows as
 * failed or as having thrown an error that no in-JVM worker reported are added from the API with
 * what it knows (see docs/camunda-process-test.md).
 *
 * <p>The search API is eventually consistent (the exporter writes shortly after the engine
 * processed a command): the await methods poll it; the plain getters read its current state.
 *
 * <p>Create one per test, after CPT's extension has injected its {@link CamundaProcessTestContext}
 * (CPT purges the engine after every test: deploy in {@code @BeforeEach}), and close it in
 * {@code @AfterEach}: closing stops the workers; the client belongs to CPT, which closes it.
 */
public final class CptEngineDriver implements ProcessEngineDriver {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final int PAGE = 1000;
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private final CamundaProcessTestContext context;
  private final CamundaClient client;
  private final ConnectorJobWorkers workers;
  private final ProcessCommands commands;

  private CptEngineDriver(
      CamundaProcessTestContext context, CamundaClient client, ConnectorJobWorkers workers) {
    this.context = context;
    this.client = client;
    this.workers = workers;
    this.commands = new ProcessCommands(client);
  }

  /**
   * Creates a client of CPT's engine serialising variables like a connector runtime, and opens a
   * worker for every SPI-listed connector on it, resolving {@code {{secrets.X}}} from {@code
   * secrets}.
   */
  public static CptEngineDriver start(
      CamundaProcessTestContext context, Map<String, String> secrets) {
    CamundaClient client =
        context.createClient(
            builder ->
                builder
                    .withJsonMapper(ConnectorJobWorkers.clientJsonMapper())
                    // Commands and job activation over gRPC, as the in-memory harness does;
                    // searches always use REST.
                    .preferRestOverGrpc(false)
                    .defaultRequestTimeout(Duration.ofSeconds(10)));
    ConnectorJobWorkers workers =
        ConnectorJobWorkers.builder().secrets(secrets).recordJobCommands().open(client);
    return new CptEngineDriver(context, client, workers);
  }

  /** The connector workers, with the journal of the commands they sent. */
  public ConnectorJobWorkers workers() {
    return workers;
  }

  @Override
  public ProcessCommands commands() {
    return commands;
  }

  @Override
  public boolean isCompleted(long processInstanceKey) {
    return state(processInstanceKey).filter(s -> s == ProcessInstanceState.COMPLETED).isPresent();
  }

  @Override
  public boolean isTerminated(long processInstanceKey) {
    return state(processInstanceKey).filter(s -> s == ProcessInstanceState.TERMINATED).isPresent();
  }

  /** The search API is eventually consistent: polling it more often only adds load. */
  @Override
  public Duration pollInterval() {
    return POLL;
  }

  @Override
  public List<String> completedElements(long processInstanceKey) {
    // Completion order: end date (milliseconds), then activation order for the same millisecond.
    return elementInstances(processInstanceKey).stream()
        .filter(e -> e.getType() != ElementInstanceType.PROCESS)
        .filter(e -> e.getState() == ElementInstanceState.COMPLETED)
        .sorted(
            Comparator.comparing(
                    ElementInstance::getEndDate,
                    Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
                .thenComparing(ElementInstance::getElementInstanceKey))
        .map(ElementInstance::getElementId)
        .toList();
  }

  @Override
  public List<String> takenBoundaryEvents(long processInstanceKey) {
    return elementInstances(processInstanceKey).stream()
        .filter(e -> e.getType() == ElementInstanceType.BOUNDARY_EVENT)
        .sorted(Comparator.comparing(ElementInstance::getElementInstanceKey))
        .map(ElementInstance::getElementId)
        .toList();
  }

  /**
   * The throw-error commands the in-JVM workers sent and the engine accepted (code, message and
   * variables as sent), then any job the search API shows in state {@code ERROR_THROWN} that no
   * worker here reported, with the API's code and message and no variables (it has none).
   */
  @Override
  public List<ThrownError> thrownErrors(long processInstanceKey) {
    workers.journal().awaitSettled(SETTLE);
    List<ThrowErrorCommand> recorded = workers.journal().thrownErrors(processInstanceKey);
    List<ThrownError> errors = new ArrayList<>();
    recorded.forEach(c -> errors.add(c.asThrownError()));
    Set<Long> recordedJobs =
        recorded.stream().map(ThrowErrorCommand::jobKey).collect(Collectors.toSet());
    for (Job job : jobs(processInstanceKey)) {
      if (job.getState() == JobState.ERROR_THROWN && !recordedJobs.contains(job.getJobKey())) {
        errors.add(
            new ThrownError(
                job.getElementId(), job.getErrorCode(), job.getErrorMessage(), Map.of()));
      }
    }
    return errors;
  }

  @Override
  public OptionalLong latestElementInstance(long processInstanceKey, String elementId) {
    return elementInstances(processInstanceKey).stream()
        .filter(e -> elementId.equals(e.getElementId()))
        .mapToLong(ElementInstance::getElementInstanceKey)
        .max();
  }

  @Override
  public List<Incident> incidents(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .page(p -> p.limit(PAGE))
        .send()
        .join()
        .items()
        .stream()
        .filter(i -> i.getState() != IncidentState.RESOLVED)
        .filter(i -> i.getState() != IncidentState.MIGRATED)
        .sorted(Comparator.comparing(i -> i.getIncidentKey()))
        .map(i -> new Incident(i.getElementId(), i.getErrorType().name(), i.getErrorMessage()))
        .toList();
  }

  /**
   * The fail commands the in-JVM workers sent and the engine accepted (retries left, backoff,
   * message), then one entry for each job the search API shows as failed that no worker here
   * reported (its backoff unknown: zero).
   */
  @Override
  public List<JobFailure> jobFailures(long processInstanceKey) {
    workers.journal().awaitSettled(SETTLE);
    List<FailCommand> recorded = workers.journal().failures(processInstanceKey);
    List<JobFailure> failures = new ArrayList<>();
    recorded.forEach(c -> failures.add(c.asJobFailure()));
    Set<Long> recordedJobs = recorded.stream().map(FailCommand::jobKey).collect(Collectors.toSet());
    for (Job job : jobs(processInstanceKey)) {
      if (job.getState() == JobState.FAILED && !recordedJobs.contains(job.getJobKey())) {
        failures.add(
            new JobFailure(
                job.getElementId(),
                job.getType(),
                job.getRetries() == null ? 0 : job.getRetries(),
                Duration.ZERO,
                job.getErrorMessage()));
      }
    }
    return failures;
  }

  /** CPT's engine clock (the container runs with a controlled clock). */
  @Override
  public void increaseTime(Duration duration) {
    context.increaseTime(duration);
  }

  @Override
  public String describe(long processInstanceKey) {
    InstanceTrace trace = new InstanceTrace(processInstanceKey);
    try {
      trace.state(state(processInstanceKey).map(Enum::name).orElse("(not visible yet)"));
      elementInstances(processInstanceKey).stream()
          .sorted(Comparator.comparing(ElementInstance::getElementInstanceKey))
          .forEach(e -> trace.line(e.getState(), " ", e.getType(), " ", e.getElementId()));
      for (Object command : workers.journal().all()) {
        if (command instanceof FailCommand f && f.processInstanceKey() == processInstanceKey) {
          trace.line(
              "job failed @",
              f.elementId(),
              " retries=",
              f.retries(),
              " backoff=",
              f.retryBackoff(),
              " message=",
              f.errorMessage());
        } else if (command instanceof ThrowErrorCommand t
            && t.processInstanceKey() == processInstanceKey) {
          trace.line(
              "error thrown @",
              t.elementId(),
              " code=",
              t.errorCode(),
              " message=",
              t.errorMessage());
        }
      }
      for (Job job : jobs(processInstanceKey)) {
        trace.line(
            "job ",
            job.getJobKey(),
            " @",
            job.getElementId(),
            " ",
            job.getState(),
            " retries=",
            job.getRetries());
      }
      for (Incident incident : incidents(processInstanceKey)) {
        trace.line(
            "incident @",
            incident.elementId(),
            ": ",
            incident.errorType(),
            " ",
            incident.errorMessage());
      }
      trace.line("variables: ", variables(processInstanceKey).keySet());
    } catch (ClientException e) {
      trace.line("(search API unavailable: ", e.getMessage(), ")");
    }
    return trace.toString();
  }

  /** Stops the connector workers. The client is CPT's: its extension closes it after the test. */
  @Override
  public void close() {
    workers.close();
  }

  // ---------------------------------------------------------------------------------------------

  private Optional<ProcessInstanceState> state(long processInstanceKey) {
    List<ProcessInstance> found =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.getFirst().getState());
  }

  private List<ElementInstance> elementInstances(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .page(p -> p.limit(PAGE))
        .send()
        .join()
        .items();
  }

  /** Jobs as the search API has them (latest state only); empty if the API refuses the search. */
  private List<Job> jobs(long processInstanceKey) {
    try {
      return client
          .newJobSearchRequest()
          .filter(f -> f.processInstanceKey(processInstanceKey))
          .page(p -> p.limit(PAGE))
          .send()
          .join()
          .items();
    } catch (ClientException e) {
      return List.of();
    }
  }

  @Override
  public Map<String, Object> variablesOfScope(long processInstanceKey, long scopeKey) {
    List<Variable> found =
        client
            .newVariableSearchRequest()
            .withFullValues()
            .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(scopeKey))
            .page(p -> p.limit(PAGE))
            .send()
            .join()
            .items();
    Map<String, Object> variables = new LinkedHashMap<>();
    found.stream()
        .sorted(Comparator.comparing(Variable::getVariableKey))
        .forEach(v -> variables.put(v.getName(), JsonValues.parse(v.getValue())));
    return variables;
  }
}
