package dev.zohoconnect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import io.camunda.client.impl.CamundaObjectMapper;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import io.camunda.client.metrics.DefaultNoopMetricsRecorder;
import io.camunda.connector.api.document.DocumentFactory;
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
import io.camunda.connector.runtime.core.outbound.DefaultOutboundConnectorFactory;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.core.validation.ValidationUtil;
import io.camunda.connector.runtime.metrics.ConnectorsOutboundMetrics;
import io.camunda.connector.runtime.outbound.job.SpringConnectorJobHandler;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Camunda's production outbound connector runtime as job workers on a {@link CamundaClient} the
 * caller owns: the engine can be anything the client reaches (Camunda Process Test's container,
 * a cluster, the in-memory engine).
 *
 * <p>The wiring is the one {@link ConnectorRuntimeHarness} uses for the in-memory engine: every
 * connector listed for SPI gets a worker whose handler is the runtime's {@link
 * SpringConnectorJobHandler} (input binding and validation, {@code {{secrets.X}}} replacement from
 * a map the test owns, {@code resultExpression}, {@code errorExpression}, {@code retryBackoff}),
 * so a process test exercises what a connector runtime in a cluster runs, in the test JVM: the
 * connector reaches test doubles such as the Zoho emulator on loopback.
 *
 * <p>Each worker's job client is wrapped by a {@link JobCommandJournal}, which records the fail and
 * throw-error commands the engine accepted (see there for why).
 *
 * <p>The client should serialise variables as the runtime does: build it with {@link
 * #clientJsonMapper()}. Closing closes the workers, not the client.
 */
public final class ConnectorJobWorkers implements AutoCloseable {

  private final List<JobWorker> workers;
  private final ScheduledExecutorService commandRetryExecutor;
  private final Set<String> connectorTypes;
  private final JobCommandJournal journal;
  private final Map<String, String> secrets;
  private final ObjectMapper connectorObjectMapper;

  private ConnectorJobWorkers(Builder builder) {
    this.secrets = builder.secrets;
    this.journal = new JobCommandJournal(builder.client.getConfiguration().getJsonMapper());
    DocumentFactory documentFactory = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
    this.connectorObjectMapper = outboundConnectorObjectMapper(documentFactory);

    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "connector-workers-command-retry");
              t.setDaemon(true);
              return t;
            });
    List<JobWorker> opened = new ArrayList<>();
    try {
      CommandExceptionHandlingStrategy commandStrategy =
          new DefaultCommandExceptionHandlingStrategy(
              BackoffSupplier.newBackoffBuilder().build(), executor);
      SecretProviderAggregator secretProvider =
          new SecretProviderAggregator(List.of(new MapSecretProvider(secrets)));
      ValidationProvider validationProvider =
          ValidationUtil.discoverDefaultValidationProviderImplementation();
      ConnectorsOutboundMetrics metrics =
          new ConnectorsOutboundMetrics(new CompositeMeterRegistry()); // no registry: no-op

      Set<String> types = new LinkedHashSet<>();
      for (OutboundConnectorConfiguration connector :
          discover(connectorObjectMapper, validationProvider)) {
        SpringConnectorJobHandler handler =
            new SpringConnectorJobHandler(
                metrics,
                commandStrategy,
                secretProvider,
                validationProvider,
                documentFactory,
                connectorObjectMapper,
                connector.instanceSupplier().get(),
                new DefaultNoopMetricsRecorder());
        JobWorkerBuilderStep3 worker =
            builder
                .client
                .newWorker()
                .jobType(connector.type())
                .handler((client, job) -> handler.handle(journal.recording(client, job), job))
                .name(connector.name())
                .streamEnabled(builder.streamEnabled)
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
        opened.add(worker.open());
        types.add(connector.type());
      }
      if (types.isEmpty()) {
        throw new IllegalStateException("No outbound connector found by SPI");
      }
      this.workers = opened;
      this.commandRetryExecutor = executor;
      this.connectorTypes = Collections.unmodifiableSet(types);
    } catch (RuntimeException | Error e) {
      closeQuietly(opened, executor);
      throw e;
    }
  }

  /** Workers for every SPI-listed connector: configure, then {@link Builder#open()}. */
  public static Builder on(CamundaClient client) {
    return new Builder(client);
  }

  /**
   * The JSON mapper a connector runtime's client uses (the Spring starter's {@code
   * camundaJsonMapper}): how job variables and results are serialised to the engine.
   */
  public static JsonMapper clientJsonMapper() {
    return new CamundaObjectMapper(
        ConnectorsObjectMapperSupplier.getCopy()
            .registerModules(
                new JacksonModuleFeelFunction(), new JacksonModuleDocumentSerializer()));
  }

  /** Job types that have a worker, sorted. */
  public Set<String> connectorTypes() {
    return connectorTypes;
  }

  /** The fail and throw-error commands the workers sent and the engine accepted. */
  public JobCommandJournal journal() {
    return journal;
  }

  /** The object mapper the runtime hands to connectors. */
  public ObjectMapper connectorObjectMapper() {
    return connectorObjectMapper;
  }

  /** Adds or replaces a secret while the workers run. */
  public void putSecret(String name, String value) {
    secrets.put(name, value);
  }

  /** Closes the workers (no new activations); the client stays open. */
  @Override
  public void close() {
    closeQuietly(workers, commandRetryExecutor);
  }

  private static List<OutboundConnectorConfiguration> discover(
      ObjectMapper objectMapper, ValidationProvider validationProvider) {
    // The runtime's own discovery: SPI functions and providers, CONNECTOR_* overrides.
    var factory =
        new DefaultOutboundConnectorFactory(
            objectMapper, validationProvider, List.of(), List.of(), System::getProperty);
    return factory.getConfigurations().stream()
        .sorted(Comparator.comparing(OutboundConnectorConfiguration::type))
        .map(
            c ->
                new OutboundConnectorConfiguration(
                    c.name(),
                    c.inputVariables(),
                    c.type(),
                    () -> factory.getInstance(c.type()),
                    c.timeout()))
        .toList();
  }

  private static void closeQuietly(List<JobWorker> workers, ScheduledExecutorService executor) {
    for (JobWorker worker : workers) {
      try {
        worker.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ObjectMapper outboundConnectorObjectMapper(DocumentFactory documentFactory) {
    // As the spring-boot starter's @OutboundConnectorObjectMapper bean: the shared connectors
    // mapper plus document (de)serialisation, FEEL functions disabled.
    ObjectMapper copy = ConnectorsObjectMapperSupplier.getCopy();
    return copy.registerModules(
        new JacksonModuleDocumentDeserializer(
            documentFactory,
            new DefaultIntrinsicFunctionExecutor(copy),
            JacksonModuleDocumentDeserializer.DocumentModuleSettings.create()),
        new JacksonModuleFeelFunction(false),
        new JacksonModuleDocumentSerializer());
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

  public static final class Builder {
    private final CamundaClient client;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private Duration pollInterval = Duration.ofMillis(50);
    private Duration jobTimeout = Duration.ofSeconds(30);
    private int maxJobsActive = 32;
    private boolean streamEnabled = false;

    private Builder(CamundaClient client) {
      this.client = Objects.requireNonNull(client);
    }

    public Builder secrets(Map<String, String> secrets) {
      this.secrets.putAll(secrets);
      return this;
    }

    public Builder secret(String name, String value) {
      this.secrets.put(name, value);
      return this;
    }

    /** How often an idle worker asks for jobs. Default 50 ms. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval);
      return this;
    }

    /** Job timeout (a connector's own timeout wins). Default 30 s. */
    public Builder jobTimeout(Duration jobTimeout) {
      this.jobTimeout = Objects.requireNonNull(jobTimeout);
      return this;
    }

    public Builder maxJobsActive(int maxJobsActive) {
      this.maxJobsActive = maxJobsActive;
      return this;
    }

    /** Job push over a gRPC stream (a real gateway) instead of polling. Default off. */
    public Builder streamEnabled(boolean streamEnabled) {
      this.streamEnabled = streamEnabled;
      return this;
    }

    public ConnectorJobWorkers open() {
      return new ConnectorJobWorkers(this);
    }
  }
}
