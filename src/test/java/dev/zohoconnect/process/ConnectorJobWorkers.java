package dev.zohoconnect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import io.camunda.client.impl.CamundaObjectMapper;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
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
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.core.validation.ValidationUtil;
import io.camunda.connector.runtime.metrics.ConnectorsOutboundMetrics;
import io.camunda.connector.runtime.outbound.job.SpringConnectorJobHandler;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Camunda's production outbound connector runtime (connector-runtime-spring, without a Spring
 * context) as job workers on a {@link CamundaClient} the caller owns: the engine can be anything
 * the client reaches (the in-memory engine of {@link ConnectorRuntimeHarness}, Camunda Process
 * Test's container, a cluster).
 *
 * <p>Every registered connector gets a worker whose handler is the runtime's {@link
 * SpringConnectorJobHandler}, so a test runs what a connector runtime in a cluster runs, in the
 * test JVM: {@code {{secrets.NAME}}} replaced from a map the test owns, variables bound and
 * validated with Jakarta Bean Validation, the {@code resultVariable}/{@code
 * resultExpression}/{@code errorExpression}/{@code retryBackoff} task headers applied, and
 * complete/fail/throw-error commands sent to the engine.
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

  /**
   * Opens a worker for every connector {@code settings} registers (or discovers) on {@code client}.
   */
  static ConnectorJobWorkers open(ConnectorWorkerSettings<?> settings, CamundaClient client) {
    return new ConnectorJobWorkers(settings, Objects.requireNonNull(client));
  }

  private ConnectorJobWorkers(ConnectorWorkerSettings<?> settings, CamundaClient client) {
    this.secrets = settings.secrets;
    this.journal =
        settings.recordJobCommands
            ? new JobCommandJournal(client.getConfiguration().getJsonMapper())
            : null;
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
      ValidationProvider validationProvider =
          ValidationUtil.discoverDefaultValidationProviderImplementation();
      RuntimeJobHandler.Wiring wiring =
          new RuntimeJobHandler.Wiring(
              new ConnectorsOutboundMetrics(new CompositeMeterRegistry()), // no registry: no-op
              commandStrategy,
              new SecretProviderAggregator(List.of(new MapSecretProvider(secrets))),
              validationProvider,
              documentFactory,
              connectorObjectMapper,
              settings.keepFailVariables ? client : null,
              settings.completionLost,
              settings.jobFailed);

      Set<String> types = new LinkedHashSet<>();
      for (OutboundConnectorConfiguration connector :
          settings.registry.resolve(connectorObjectMapper, validationProvider)) {
        JobHandler handler = new RuntimeJobHandler(wiring, connector.instanceSupplier().get());
        JobHandler recorded =
            journal == null
                ? handler
                : (jobClient, job) -> handler.handle(journal.recording(jobClient, job), job);
        JobWorkerBuilderStep3 worker =
            client
                .newWorker()
                .jobType(connector.type())
                .handler(recorded)
                .name(connector.name())
                .streamEnabled(settings.streamEnabled)
                .pollInterval(settings.pollInterval)
                .maxJobsActive(settings.maxJobsActive)
                .timeout(
                    connector.timeout() != null
                        ? Duration.ofMillis(connector.timeout())
                        : settings.jobTimeout);
        // As the runtime does: an empty list means "fetch all variables".
        if (connector.inputVariables() != null && connector.inputVariables().length > 0) {
          worker = worker.fetchVariables(Arrays.asList(connector.inputVariables()));
        }
        opened.add(worker.open());
        types.add(connector.type());
      }
      this.workers = opened;
      this.commandRetryExecutor = executor;
      this.connectorTypes = Collections.unmodifiableSet(types);
    } catch (RuntimeException | Error e) {
      closeQuietly(opened, executor);
      throw e;
    }
  }

  /** Configure (see {@link ConnectorWorkerSettings}), then {@link Builder#open(CamundaClient)}. */
  public static Builder builder() {
    return new Builder();
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

  /** Job types that have a worker, in registration order (discovered ones sorted by type). */
  public Set<String> connectorTypes() {
    return connectorTypes;
  }

  /**
   * The fail and throw-error commands the workers sent and the engine accepted; only when opened
   * with {@link Builder#recordJobCommands()}.
   */
  public JobCommandJournal journal() {
    if (journal == null) {
      throw new IllegalStateException("workers opened without recordJobCommands()");
    }
    return journal;
  }

  /** The object mapper the runtime hands to connectors (for building expected values). */
  public ObjectMapper connectorObjectMapper() {
    return connectorObjectMapper;
  }

  /** Adds or replaces a secret while the workers run. */
  public void putSecret(String name, String value) {
    secrets.put(name, value);
  }

  /**
   * Closes the workers (no new activations); the client stays open. Jobs activated but not yet
   * completed stay activated until their timeout, as when a runtime process dies.
   */
  @Override
  public void close() {
    closeQuietly(workers, commandRetryExecutor);
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

  /**
   * The object mapper a connector runtime gives connectors, as the spring-boot starter's
   * {@code @OutboundConnectorObjectMapper} bean builds it: the shared connectors mapper plus
   * document (de)serialisation, FEEL functions disabled.
   */
  public static ObjectMapper outboundConnectorObjectMapper(DocumentFactory documentFactory) {
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

  /** Workers opened with {@code ConnectorJobWorkers.builder()...open(client)}. */
  public static final class Builder extends ConnectorWorkerSettings<Builder> {
    private Builder() {
      super(Duration.ofSeconds(30));
    }

    /** Opens a worker for every registered (or discovered) connector on {@code client}. */
    public ConnectorJobWorkers open(CamundaClient client) {
      return ConnectorJobWorkers.open(this, client);
    }
  }
}
