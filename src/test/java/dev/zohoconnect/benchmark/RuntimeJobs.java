package dev.zohoconnect.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.support.JobContexts;
import dev.zohoconnect.process.ConnectorJobWorkers;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.connector.runtime.core.outbound.JobHandlerContext;
import io.camunda.connector.runtime.core.validation.ValidationUtil;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Camunda's connector runtime hands a connector for one job, without an engine: its own {@link
 * JobHandlerContext} (secret replacement, binding with the runtime's object mapper, Jakarta Bean
 * Validation) around the job's variables. One context per job, as in the runtime: the context
 * caches its secret-replaced variables.
 */
final class RuntimeJobs {

  /** Camunda's REST connector; on the classpath in profile "benchmark" only. */
  static final String REST_CONNECTOR_CLASS = "io.camunda.connector.http.rest.HttpJsonFunction";

  private final ObjectMapper mapper;
  private final ValidationProvider validation;
  private final DocumentFactory documents;
  private final SecretProvider secrets;
  private final AtomicLong jobKeys = new AtomicLong(1);

  RuntimeJobs(Map<String, String> secretValues) {
    documents = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
    mapper = ConnectorJobWorkers.outboundConnectorObjectMapper(documents);
    validation = ValidationUtil.discoverDefaultValidationProviderImplementation();
    secrets = JobContexts.secretsFrom(secretValues);
  }

  String json(Map<String, Object> variables) {
    try {
      return mapper.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A fresh job context around already serialised variables. */
  OutboundConnectorContext context(String variablesJson, String jobType) {
    ActivatedJob job = JobContexts.job(variablesJson, jobType, jobKeys.incrementAndGet());
    return new JobHandlerContext(job, secrets, validation, documents, mapper);
  }

  static OutboundConnectorFunction restConnector() {
    try {
      return (OutboundConnectorFunction)
          Class.forName(REST_CONNECTOR_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Camunda's REST connector is not on the classpath: run with -Pbenchmark", e);
    }
  }
}
