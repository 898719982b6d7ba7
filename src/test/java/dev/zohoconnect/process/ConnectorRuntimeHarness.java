package dev.zohoconnect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Camunda's production outbound connector runtime ({@link ConnectorJobWorkers}) working against the
 * in-memory Zeebe engine of zeebe-process-test. No Docker needed.
 *
 * <p>The harness starts (or attaches to) the engine, a {@link CamundaClient} on its gRPC gateway
 * serialising variables as a connector runtime does, and the connector workers on that client, so a
 * process test runs the same code path as a connector runtime in a cluster: input mappings
 * evaluated by the engine, {@code {{secrets.NAME}}} replaced by the runtime's secret handling,
 * variables bound and validated, task headers applied, and complete/fail/throw-error commands sent
 * to the engine.
 *
 * <pre>{@code
 * try (var harness = ConnectorRuntimeHarness.builder()
 *         .secret("ZOHO_TOKEN", "test-token")
 *         .start()) {                       // all connectors found by SPI
 *   harness.deployResource("cancel-meeting.bpmn");
 *   long key = harness.startInstance("cancel-meeting", Map.of("meetingId", "42"));
 * }
 * }</pre>
 *
 * <p>Use {@link InMemoryZeebeDriver} on top of it to wait for and read what happened.
 */
public final class ConnectorRuntimeHarness implements AutoCloseable {

  private final ZeebeTestEngine engine;
  private final boolean ownsEngine;
  private final CamundaClient client;
  private final ConnectorJobWorkers workers;
  private final ProcessCommands commands;

  private ConnectorRuntimeHarness(Builder builder) {
    this.ownsEngine = builder.engine == null;
    ZeebeTestEngine startedEngine = null;
    CamundaClient startedClient = null;
    try {
      if (ownsEngine) {
        startedEngine = EngineFactory.create();
        startedEngine.start();
      } else {
        startedEngine = builder.engine;
      }
      startedClient =
          CamundaClient.newClientBuilder()
              .applyEnvironmentVariableOverrides(false)
              .grpcAddress(URI.create("http://" + loopbackAddress(startedEngine)))
              .preferRestOverGrpc(false)
              .defaultJobWorkerStreamEnabled(false)
              .numJobWorkerExecutionThreads(builder.workerThreads)
              .defaultRequestTimeout(builder.requestTimeout)
              .withJsonMapper(ConnectorJobWorkers.clientJsonMapper())
              .build();
      this.workers = ConnectorJobWorkers.open(builder, startedClient);
      this.engine = startedEngine;
      this.client = startedClient;
      this.commands = new ProcessCommands(startedClient);
    } catch (RuntimeException | Error e) {
      closeQuietly(startedClient, ownsEngine ? startedEngine : null);
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine and a client whose only worker polls a job type no process uses: only runtimes
   * attached to it ({@link Builder#engine}), opened on its client or started as processes take its
   * jobs. The idle worker is deliberate: with no worker at all, a runtime process taking the REST
   * connector's jobs from this engine stalled after a few hundred instances (its activations ran
   * into their deadline; benchmark part 4); with it, 500 of 500 in two runs.
   */
  public static ConnectorRuntimeHarness engineOnly() {
    return builder()
        .discoverConnectors(false)
        .connector("dev.zohoconnect:engine-owner-idle:1", context -> Map.of())
        .start();
  }

  /** Starts the engine with every connector found by SPI and the given secrets. */
  public static ConnectorRuntimeHarness start(Map<String, String> secrets) {
    return builder().secrets(secrets).start();
  }

  /** The Camunda client connected to the engine (gRPC, plaintext). */
  public CamundaClient client() {
    return client;
  }

  /** The in-memory engine: record stream, clock, idle state. */
  public ZeebeTestEngine engine() {
    return engine;
  }

  /**
   * The engine's gRPC gateway as {@code host:port} on loopback, e.g. to point Zeebe/Camunda clients
   * or {@code zbctl --insecure --address} at while a test is paused in a debugger.
   */
  public String gatewayAddress() {
    return loopbackAddress(engine);
  }

  /** Job types that have a worker, in registration order. */
  public Set<String> connectorTypes() {
    return workers.connectorTypes();
  }

  /** The object mapper the runtime hands to connectors (for building expected values). */
  public ObjectMapper connectorObjectMapper() {
    return workers.connectorObjectMapper();
  }

  /** Adds or replaces a secret while the harness runs. */
  public void putSecret(String name, String value) {
    workers.putSecret(name, value);
  }

  /** The connector workers; their journal only when built with {@code recordJobCommands()}. */
  public ConnectorJobWorkers workers() {
    return workers;
  }

  /** Deployments and instances on this engine. */
  public ProcessCommands commands() {
    return commands;
  }

  public void deploy(Path... bpmnFiles) {
    commands.deploy(bpmnFiles);
  }

  public void deployResource(String... classpathResources) {
    commands.deployResource(classpathResources);
  }

  /** Deploys a model built with {@code io.camunda.zeebe.model.bpmn.Bpmn}. */
  public void deploy(String resourceName, BpmnModelInstance model) {
    commands.deploy(resourceName, model);
  }

  /** Starts the latest version of a process; returns the process instance key. */
  public long startInstance(String bpmnProcessId, Map<String, ?> variables) {
    return commands.startInstance(bpmnProcessId, variables);
  }

  /**
   * Waits until the engine has nothing left to process. Note: a job waiting for a worker counts as
   * idle; use {@link InMemoryZeebeDriver}'s await methods to wait for outcomes.
   */
  public void waitForIdle() {
    waitForIdle(Duration.ofSeconds(5));
  }

  public void waitForIdle(Duration timeout) {
    try {
      engine.waitForIdleState(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("engine not idle after " + timeout, e);
    }
  }

  /**
   * Moves the engine clock forward: due timers fire and failed jobs whose retry backoff has elapsed
   * become activatable again (the engine's clock also keeps running in real time).
   */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  /** Every record the engine wrote so far, with zeebe-process-test's filters. */
  public RecordStream records() {
    return RecordStream.of(engine.getRecordStreamSource());
  }

  /**
   * Closes workers first (no new activations), then the client, then the engine unless it was
   * {@linkplain Builder#engine(ZeebeTestEngine) attached}. Jobs activated but not yet completed
   * stay activated until their timeout, as when a runtime process dies.
   */
  @Override
  public void close() {
    workers.close();
    closeQuietly(client, ownsEngine ? engine : null);
  }

  private static void closeQuietly(CamundaClient client, ZeebeTestEngine engine) {
    if (client != null) {
      try {
        client.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    if (engine != null) {
      engine.stop();
    }
  }

  private static String loopbackAddress(ZeebeTestEngine engine) {
    // The engine binds 0.0.0.0:<free port>; talk to it on loopback.
    String address = engine.getGatewayAddress();
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    return "127.0.0.1:" + port;
  }

  /**
   * The engine and client settings; the connector settings are the workers' ({@link
   * ConnectorWorkerSettings}), with the connector runtime's default job timeout (5 min, above the
   * connector's execution budget of 2 min, as in production) and a failed job's variables kept,
   * which the in-memory gateway would drop.
   */
  public static final class Builder extends ConnectorWorkerSettings<Builder> {
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int workerThreads = 2;
    private ZeebeTestEngine engine;

    private Builder() {
      super(Duration.ofMinutes(5));
      keepFailVariables();
    }

    /**
     * Attaches to an engine that is already running, typically another harness' {@link
     * ConnectorRuntimeHarness#engine()}: a second runtime on the same cluster, or the runtime
     * started again after the first one was closed mid-run. Closing this harness leaves the engine
     * running; its owner stops it.
     */
    public Builder engine(ZeebeTestEngine engine) {
      this.engine = Objects.requireNonNull(engine);
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout);
      return this;
    }

    /** Threads that run job handlers (shared by all workers). Default 2. */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
      return this;
    }

    public ConnectorRuntimeHarness start() {
      return new ConnectorRuntimeHarness(this);
    }
  }
}
