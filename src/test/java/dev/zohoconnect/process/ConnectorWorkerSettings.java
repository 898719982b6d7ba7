package dev.zohoconnect.process;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * How {@link ConnectorJobWorkers} run the connectors: which connectors, their secrets, the worker
 * settings and what tests do to the runtime's commands. Both ways of opening workers configure them
 * here: {@link ConnectorJobWorkers#builder()} on a client the caller owns, {@link
 * ConnectorRuntimeHarness#builder()} on the in-memory engine.
 */
public abstract class ConnectorWorkerSettings<B extends ConnectorWorkerSettings<B>> {
  final Map<String, String> secrets = new ConcurrentHashMap<>();
  final ConnectorRegistry registry = new ConnectorRegistry();
  Duration pollInterval = Duration.ofMillis(50);
  Duration jobTimeout;
  int maxJobsActive = 32;
  boolean streamEnabled = false;
  boolean recordJobCommands = false;
  boolean keepFailVariables = false;
  Predicate<ActivatedJob> completionLost = job -> false;
  JobFailedListener jobFailed = (job, retries, backoff) -> {};

  protected ConnectorWorkerSettings(Duration defaultJobTimeout) {
    this.jobTimeout = defaultJobTimeout;
  }

  public B secrets(Map<String, String> secrets) {
    this.secrets.putAll(secrets);
    return self();
  }

  public B secret(String name, String value) {
    this.secrets.put(name, value);
    return self();
  }

  /**
   * Registers a connector instance; its class must carry {@link OutboundConnector} (name, type,
   * inputVariables are read from it, with the runtime's {@code CONNECTOR_<NAME>_TYPE} system
   * property override). Once a connector is given, SPI discovery is off unless {@link
   * #discoverConnectors(boolean)} turns it on.
   */
  public B connector(OutboundConnectorFunction function) {
    return connector(function.getClass(), function);
  }

  /**
   * Registers {@code function} as the connector {@code annotated} describes (name, type, input
   * variables from its {@link OutboundConnector}), e.g. a wrapper that observes that connector.
   */
  public B connector(Class<?> annotated, OutboundConnectorFunction function) {
    registry.add(annotated, function);
    return self();
  }

  /** Registers a function (e.g. a lambda stub) under a job type, fetching all variables. */
  public B connector(String type, OutboundConnectorFunction function) {
    registry.add(type, function);
    return self();
  }

  /**
   * Whether to register every connector listed in {@code
   * META-INF/services/io.camunda.connector.api.outbound.OutboundConnectorFunction} (or {@code
   * OutboundConnectorProvider}). Default: on when no connector was given explicitly. Off with no
   * connector given: no worker at all.
   */
  public B discoverConnectors(boolean discover) {
    registry.discover(discover);
    return self();
  }

  /** How often an idle worker asks for jobs. Default 50 ms. */
  public B pollInterval(Duration pollInterval) {
    this.pollInterval = Objects.requireNonNull(pollInterval);
    return self();
  }

  /** Job timeout (a connector's own timeout wins). */
  public B jobTimeout(Duration jobTimeout) {
    this.jobTimeout = Objects.requireNonNull(jobTimeout);
    return self();
  }

  public B maxJobsActive(int maxJobsActive) {
    this.maxJobsActive = maxJobsActive;
    return self();
  }

  /** Job push over a gRPC stream (a real gateway) instead of polling. Default off. */
  public B streamEnabled(boolean streamEnabled) {
    this.streamEnabled = streamEnabled;
    return self();
  }

  /**
   * Records the fail and throw-error commands the engine accepted in a {@link JobCommandJournal}
   * (see there for why). Off by default: the journal keeps every entry.
   */
  public B recordJobCommands() {
    this.recordJobCommands = true;
    return self();
  }

  /**
   * Stores a failed job's variables as local variables of its task before failing it, for an engine
   * whose gateway drops them (zeebe-process-test's; see {@link RuntimeJobHandler}).
   */
  public B keepFailVariables() {
    this.keepFailVariables = true;
    return self();
  }

  /**
   * Loses the complete command of the jobs {@code lost} picks, as when the gateway is unreachable
   * or the runtime stops right after the connector returned: the job comes back after its timeout.
   */
  public B loseCompletions(Predicate<ActivatedJob> lost) {
    this.completionLost = Objects.requireNonNull(lost);
    return self();
  }

  /** Tells {@code listener} of every job the runtime fails, before the engine hears of it. */
  public B onJobFailed(JobFailedListener listener) {
    this.jobFailed = Objects.requireNonNull(listener);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
