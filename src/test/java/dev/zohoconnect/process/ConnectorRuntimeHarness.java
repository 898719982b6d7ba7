package dev.zohoconnect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import io.camunda.client.impl.CamundaObjectMapper;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.camunda.client.metrics.DefaultNoopMetricsRecorder;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.document.jackson.JacksonModuleDocumentDeserializer;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.feel.jackson.JacksonModuleFeelFunction;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.config.OutboundConnectorConfiguration;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.connector.runtime.core.intrinsic.DefaultIntrinsicFunctionExecutor;
import io.camunda.connector.runtime.core.outbound.ConnectorResult;
import io.camunda.connector.runtime.core.outbound.DefaultOutboundConnectorFactory;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.core.validation.ValidationUtil;
import io.camunda.connector.runtime.metrics.ConnectorsOutboundMetrics;
import io.camunda.connector.runtime.outbound.job.SpringConnectorJobHandler;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Camunda's production outbound connector runtime (connector-runtime-spring, without a Spring
 * context) working against the in-memory Zeebe engine of zeebe-process-test. No Docker needed.
 *
 * <p>Every registered connector gets a {@link CamundaClient} job worker whose handler is the
 * runtime's {@link SpringConnectorJobHandler}, so a process test runs the same code path as a
 * connector runtime in a cluster: input mappings evaluated by the engine, {@code
 * {{secrets.NAME}}} replaced by the runtime's secret handling, variables bound and validated with
 * Jakarta Bean Validation, the {@code resultVariable}/{@code resultExpression}/{@code
 * errorExpression}/{@code retryBackoff} task headers applied, and complete/fail/throw-error
 * commands sent to the engine.
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
  private final ScheduledExecutorService commandRetryExecutor;
  private final List<JobWorker> workers;
  private final Map<String, String> secrets;
  private final Set<String> connectorTypes;
  private final ObjectMapper connectorObjectMapper;

  private ConnectorRuntimeHarness(Builder builder) {
    this.secrets = builder.secrets;
    this.ownsEngine = builder.engine == null;
    ZeebeTestEngine startedEngine = null;
    CamundaClient startedClient = null;
    ScheduledExecutorService executor = null;
    List<JobWorker> openedWorkers = new ArrayList<>();
    try {
      if (ownsEngine) {
        startedEngine = EngineFactory.create();
        startedEngine.start();
      } else {
        startedEngine = builder.engine;
      }

      // The connectors' object mapper is what the runtime gives connectors: the shared
      // connectors mapper plus document (de)serialisation and FEEL functions disabled, as the
      // spring-boot starter's @OutboundConnectorObjectMapper bean does.
      DocumentFactory documentFactory = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
      this.connectorObjectMapper = outboundConnectorObjectMapper(documentFactory);

      startedClient =
          CamundaClient.newClientBuilder()
              .applyEnvironmentVariableOverrides(false)
              .grpcAddress(URI.create("http://" + loopbackAddress(startedEngine)))
              .preferRestOverGrpc(false)
              .defaultJobWorkerStreamEnabled(false)
              .defaultJobPollInterval(builder.pollInterval)
              .defaultJobTimeout(builder.jobTimeout)
              .defaultJobWorkerMaxJobsActive(builder.maxJobsActive)
              .numJobWorkerExecutionThreads(builder.workerThreads)
              .defaultRequestTimeout(builder.requestTimeout)
              .withJsonMapper(new CamundaObjectMapper(clientObjectMapper()))
              .build();

      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "connector-harness-command-retry");
                t.setDaemon(true);
                return t;
              });
      CommandExceptionHandlingStrategy commandStrategy =
          new DefaultCommandExceptionHandlingStrategy(
              BackoffSupplier.newBackoffBuilder().build(), executor);
      SecretProviderAggregator secretProvider =
          new SecretProviderAggregator(List.of(new MapSecretProvider(secrets)));
      ValidationProvider validationProvider =
          ValidationUtil.discoverDefaultValidationProviderImplementation();
      ConnectorsOutboundMetrics metrics =
          new ConnectorsOutboundMetrics(new CompositeMeterRegistry()); // no registry: no-op

      List<OutboundConnectorConfiguration> configurations =
          builder.resolveConfigurations(connectorObjectMapper, validationProvider);
      Set<String> types = new LinkedHashSet<>();
      for (OutboundConnectorConfiguration connector : configurations) {
        SpringConnectorJobHandler handler =
            new FailVariablesKeepingJobHandler(
                startedClient,
                metrics,
                commandStrategy,
                secretProvider,
                validationProvider,
                documentFactory,
                connectorObjectMapper,
                connector.instanceSupplier().get(),
                new DefaultNoopMetricsRecorder(),
                builder.completionLost,
                builder.jobFailed);
        JobWorkerBuilderStep3 worker =
            startedClient
                .newWorker()
                .jobType(connector.type())
                .handler(handler)
                .name(connector.name())
                .streamEnabled(false)
                .pollInterval(builder.pollInterval)
                .maxJobsActive(builder.maxJobsActive)
                .timeout(
                    connector.timeout() != null
                        ? Duration.ofMillis(connector.timeout())
                        : builder.jobTimeout);
        // As the runtime does: an empty list means "fetch all variables".
        if (connector.inputVariables() != null && connector.inputVariables().length > 0) {
          worker = worker.fetchVariables(Arrays.asList(connector.inputVariables()));
        }
        openedWorkers.add(worker.open());
        types.add(connector.type());
      }
      this.engine = startedEngine;
      this.client = startedClient;
      this.commandRetryExecutor = executor;
      this.workers = openedWorkers;
      this.connectorTypes = Collections.unmodifiableSet(types);
    } catch (RuntimeException | Error e) {
      closeQuietly(openedWorkers, startedClient, executor, ownsEngine ? startedEngine : null);
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
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
   * The engine's gRPC gateway as {@code host:port} on loopback, e.g. to point Zeebe/Camunda
   * clients or {@code zbctl --insecure --address} at while a test is paused in a debugger.
   */
  public String gatewayAddress() {
    return loopbackAddress(engine);
  }

  /** Job types that have a worker, in registration order. */
  public Set<String> connectorTypes() {
    return connectorTypes;
  }

  /** The object mapper the runtime hands to connectors (for building expected values). */
  public ObjectMapper connectorObjectMapper() {
    return connectorObjectMapper;
  }

  /** Adds or replaces a secret while the harness runs. */
  public void putSecret(String name, String value) {
    secrets.put(name, value);
  }

  public void deploy(Path... bpmnFiles) {
    if (bpmnFiles.length == 0) {
      throw new IllegalArgumentException("nothing to deploy");
    }
    var command = client.newDeployResourceCommand().addResourceFile(bpmnFiles[0].toString());
    for (int i = 1; i < bpmnFiles.length; i++) {
      command = command.addResourceFile(bpmnFiles[i].toString());
    }
    command.send().join();
  }

  public void deployResource(String... classpathResources) {
    if (classpathResources.length == 0) {
      throw new IllegalArgumentException("nothing to deploy");
    }
    var command = client.newDeployResourceCommand().addResourceFromClasspath(classpathResources[0]);
    for (int i = 1; i < classpathResources.length; i++) {
      command = command.addResourceFromClasspath(classpathResources[i]);
    }
    command.send().join();
  }

  /** Deploys a model built with {@code io.camunda.zeebe.model.bpmn.Bpmn}. */
  public void deploy(String resourceName, BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, resourceName).send().join();
  }

  /** Starts the latest version of a process; returns the process instance key. */
  public long startInstance(String bpmnProcessId, Map<String, ?> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(bpmnProcessId)
        .latestVersion()
        .variables(new LinkedHashMap<>(variables))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * Waits until the engine has nothing left to process. Note: a job waiting for a worker counts
   * as idle; use {@link InMemoryZeebeDriver}'s await methods to wait for outcomes.
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
   * Moves the engine clock forward: due timers fire and failed jobs whose retry backoff has
   * elapsed become activatable again (the engine's clock also keeps running in real time).
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
    closeQuietly(workers, client, commandRetryExecutor, ownsEngine ? engine : null);
  }

  private static void closeQuietly(
      List<JobWorker> workers,
      CamundaClient client,
      ScheduledExecutorService executor,
      ZeebeTestEngine engine) {
    for (JobWorker worker : workers) {
      try {
        worker.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    if (client != null) {
      try {
        client.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
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

  private static ObjectMapper outboundConnectorObjectMapper(DocumentFactory documentFactory) {
    ObjectMapper copy = ConnectorsObjectMapperSupplier.getCopy();
    return copy.registerModules(
        new JacksonModuleDocumentDeserializer(
            documentFactory,
            new DefaultIntrinsicFunctionExecutor(copy),
            JacksonModuleDocumentDeserializer.DocumentModuleSettings.create()),
        new JacksonModuleFeelFunction(false),
        new JacksonModuleDocumentSerializer());
  }

  private static ObjectMapper clientObjectMapper() {
    // Same as the starter's "camundaJsonMapper": how job variables are serialised to the engine.
    return ConnectorsObjectMapperSupplier.getCopy()
        .registerModules(new JacksonModuleFeelFunction(), new JacksonModuleDocumentSerializer());
  }

  /** Secrets from a map the test owns, resolved by the runtime's real secret replacement. */
  private record MapSecretProvider(Map<String, String> secrets) implements SecretProvider {
    @Override
    public String getSecret(String name, SecretContext context) {
      return secrets.get(name);
    }

    @Override
    public String toString() {
      return "MapSecretProvider" + secrets.keySet(); // never the values
    }
  }

  /**
   * zeebe-process-test's in-memory gateway drops the variables of a FailJob command, which a real
   * gateway stores as local variables of the job's task: the runtime stores its {@code error}
   * there, and a connector re-reads it when the job comes back. Setting them just before the
   * failure gives the in-memory engine the same state a cluster has.
   */
  private static final class FailVariablesKeepingJobHandler extends SpringConnectorJobHandler {

    private final CamundaClient client;
    private final Predicate<ActivatedJob> completionLost;
    private final JobFailedListener jobFailed;

    FailVariablesKeepingJobHandler(
        CamundaClient client,
        ConnectorsOutboundMetrics metrics,
        CommandExceptionHandlingStrategy commandStrategy,
        SecretProviderAggregator secretProvider,
        ValidationProvider validationProvider,
        DocumentFactory documentFactory,
        ObjectMapper objectMapper,
        OutboundConnectorFunction function,
        DefaultNoopMetricsRecorder metricsRecorder,
        Predicate<ActivatedJob> completionLost,
        JobFailedListener jobFailed) {
      super(
          metrics,
          commandStrategy,
          secretProvider,
          validationProvider,
          documentFactory,
          objectMapper,
          function,
          metricsRecorder);
      this.client = client;
      this.completionLost = completionLost;
      this.jobFailed = jobFailed;
    }

    /** A complete command that never reaches the gateway: the job stays activated until it times out. */
    @Override
    protected void completeJob(
        JobClient jobClient, ActivatedJob job, ConnectorResult.SuccessResult result) {
      if (!completionLost.test(job)) {
        super.completeJob(jobClient, job, result);
      }
    }

    @Override
    protected void failJob(JobClient jobClient, ActivatedJob job, ConnectorResult.ErrorResult result) {
      if (result.responseValue() != null) {
        try {
          client
              .newSetVariablesCommand(job.getElementInstanceKey())
              .variables(result.responseValue())
              .local(true)
              .send()
              .join();
        } catch (RuntimeException ignored) {
          // the failure itself is still reported below
        }
      }
      jobFailed.failed(
          job,
          result.retries(),
          result.retryBackoff() == null ? Duration.ZERO : result.retryBackoff());
      super.failJob(jobClient, job, result);
    }
  }

  /** Told of every job the runtime fails, i.e. hands back to the engine rather than completing. */
  @FunctionalInterface
  public interface JobFailedListener {
    /**
     * @param retries the retries the job has left
     * @param backoff how long the engine waits before the job can be activated again (zero when
     *     the failure named none; the task's {@code retryBackoff} header then applies)
     */
    void failed(ActivatedJob job, int retries, Duration backoff);
  }

  private record AnnotatedFunction(Class<?> annotated, OutboundConnectorFunction function) {}

  public static final class Builder {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<AnnotatedFunction> annotatedFunctions = new ArrayList<>();
    private final List<OutboundConnectorConfiguration> explicitConfigurations = new ArrayList<>();
    private Boolean discoverConnectors;
    private Duration pollInterval = Duration.ofMillis(50);
    // The connector runtime's default: above the connector's execution budget (2 min), as in production.
    private Duration jobTimeout = Duration.ofMinutes(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxJobsActive = 32;
    private int workerThreads = 2;
    private ZeebeTestEngine engine;
    private Predicate<ActivatedJob> completionLost = job -> false;
    private JobFailedListener jobFailed = (job, retries, backoff) -> {};

    private Builder() {}

    /**
     * Attaches to an engine that is already running, typically another harness' {@link
     * ConnectorRuntimeHarness#engine()}: a second runtime on the same cluster, or the runtime
     * started again after the first one was closed mid-run. Closing this harness leaves the
     * engine running; its owner stops it.
     */
    public Builder engine(ZeebeTestEngine engine) {
      this.engine = Objects.requireNonNull(engine);
      return this;
    }

    public Builder secrets(Map<String, String> secrets) {
      this.secrets.putAll(secrets);
      return this;
    }

    public Builder secret(String name, String value) {
      this.secrets.put(name, value);
      return this;
    }

    /**
     * Registers a connector instance; its class must carry {@link OutboundConnector} (name, type,
     * inputVariables are read from it, with the runtime's {@code CONNECTOR_<NAME>_TYPE} system
     * property override). Once a connector is given, SPI discovery is off unless {@link
     * #discoverConnectors(boolean)} turns it on.
     */
    public Builder connector(OutboundConnectorFunction function) {
      return connector(function.getClass(), function);
    }

    /**
     * Registers {@code function} as the connector {@code annotated} describes (name, type, input
     * variables from its {@link OutboundConnector}), e.g. a wrapper that observes that connector.
     */
    public Builder connector(Class<?> annotated, OutboundConnectorFunction function) {
      if (!annotated.isAnnotationPresent(OutboundConnector.class)) {
        throw new IllegalArgumentException(
            annotated.getName() + " has no @OutboundConnector; use connector(type, function)");
      }
      annotatedFunctions.add(new AnnotatedFunction(annotated, function));
      return this;
    }

    /** Registers a function (e.g. a lambda stub) under a job type, fetching all variables. */
    public Builder connector(String type, OutboundConnectorFunction function) {
      explicitConfigurations.add(
          new OutboundConnectorConfiguration(type, new String[0], type, () -> function));
      return this;
    }

    /**
     * Whether to register every connector listed in {@code
     * META-INF/services/io.camunda.connector.api.outbound.OutboundConnectorFunction} (or {@code
     * OutboundConnectorProvider}). Default: on when no connector was given explicitly.
     */
    public Builder discoverConnectors(boolean discover) {
      this.discoverConnectors = discover;
      return this;
    }

    /** How often an idle worker asks the engine for jobs. Default 50 ms. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval);
      return this;
    }

    /** Job timeout for workers (the connector's own timeout override wins). Default 30 s. */
    /**
     * Loses the complete command of the jobs {@code lost} picks, as when the gateway is unreachable
     * or the runtime stops right after the connector returned: the job comes back after its timeout.
     */
    public Builder loseCompletions(Predicate<ActivatedJob> lost) {
      this.completionLost = Objects.requireNonNull(lost);
      return this;
    }

    /** Tells {@code listener} of every job the runtime fails, before the engine hears of it. */
    public Builder onJobFailed(JobFailedListener listener) {
      this.jobFailed = Objects.requireNonNull(listener);
      return this;
    }

    public Builder jobTimeout(Duration jobTimeout) {
      this.jobTimeout = Objects.requireNonNull(jobTimeout);
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout);
      return this;
    }

    public Builder maxJobsActive(int maxJobsActive) {
      this.maxJobsActive = maxJobsActive;
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

    private List<OutboundConnectorConfiguration> resolveConfigurations(
        ObjectMapper objectMapper, ValidationProvider validationProvider) {
      boolean spi =
          discoverConnectors != null
              ? discoverConnectors
              : annotatedFunctions.isEmpty() && explicitConfigurations.isEmpty();
      List<OutboundConnectorConfiguration> result = new ArrayList<>();
      if (spi) {
        // The runtime's own discovery: SPI functions and providers, CONNECTOR_* overrides.
        var factory =
            new DefaultOutboundConnectorFactory(
                objectMapper, validationProvider, List.of(), List.of(), System::getProperty);
        factory.getConfigurations().stream()
            .sorted(Comparator.comparing(OutboundConnectorConfiguration::type))
            .map(
                c ->
                    new OutboundConnectorConfiguration(
                        c.name(),
                        c.inputVariables(),
                        c.type(),
                        () -> factory.getInstance(c.type()),
                        c.timeout()))
            .forEach(result::add);
      }
      for (AnnotatedFunction registered : annotatedFunctions) {
        OutboundConnectorFunction function = registered.function();
        OutboundConnector annotation = registered.annotated().getAnnotation(OutboundConnector.class);
        String normalized =
            annotation.name().trim().replaceAll("[^a-zA-Z0-9_ ]", "").replaceAll(" ", "_")
                .toUpperCase();
        String type =
            Objects.requireNonNullElse(
                System.getProperty("CONNECTOR_" + normalized + "_TYPE"), annotation.type());
        result.add(
            new OutboundConnectorConfiguration(
                annotation.name(), annotation.inputVariables(), type, () -> function));
      }
      result.addAll(explicitConfigurations);
      Set<String> seen = new HashSet<>();
      for (OutboundConnectorConfiguration c : result) {
        if (!seen.add(c.type())) {
          throw new IllegalStateException(
              "Two connectors for job type " + c.type() + "; with SPI discovery on, do not "
                  + "register an SPI-listed connector again (or call discoverConnectors(false))");
        }
      }
      if (result.isEmpty()) {
        throw new IllegalStateException("No outbound connector registered or discovered");
      }
      return result;
    }
  }
}
