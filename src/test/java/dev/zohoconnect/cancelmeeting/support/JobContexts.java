package dev.zohoconnect.cancelmeeting.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.outbound.JobHandlerContext;
import io.camunda.connector.validation.impl.DefaultValidationProvider;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the connector runtime's own job context ({@link JobHandlerContext}) around job variables,
 * so unit tests bind, replace secrets and validate exactly as the runtime does, without an engine.
 *
 * <p>Hand-made rather than the Connector SDK's {@code OutboundConnectorContextBuilder}: the SDK 8.8
 * on the test classpath has none ({@code connector-test} 8.8 ships only {@code
 * ConnectorContextTestUtil}), and the runtime's own context is what the connector meets in
 * production. Each context gets its own element instance key unless a test names one, since the
 * connector keeps per-task memory under that key.
 */
public final class JobContexts {

  /** Each job made without a key is another task (element instance), as in a real engine. */
  private static final AtomicLong TASKS = new AtomicLong(1_000_000);

  private static final ObjectMapper MAPPER = ConnectorsObjectMapperSupplier.getCopy();

  private static final String JOB_TYPE = "dev.zohoconnect:zoho-cancel-meeting:1";

  private JobContexts() {}

  public static OutboundConnectorContext of(
      Map<String, Object> variables, Map<String, String> secrets) {
    return of(variables, secrets, TASKS.incrementAndGet());
  }

  /** A job of the given element instance: Zeebe's retries of one task share it. */
  public static OutboundConnectorContext of(
      Map<String, Object> variables, Map<String, String> secrets, long elementInstanceKey) {
    String json;
    try {
      json = MAPPER.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    return new JobHandlerContext(
        job(json, JOB_TYPE, elementInstanceKey),
        secretsFrom(secrets),
        new DefaultValidationProvider(),
        null,
        MAPPER);
  }

  public static SecretProvider secretsFrom(Map<String, String> secrets) {
    return new SecretProvider() {
      @Override
      public String getSecret(String name, SecretContext context) {
        return secrets.get(name);
      }
    };
  }

  /**
   * A job as the engine activates it, for a context: its variables, type and key (which is also its
   * element instance key: each job another task unless a test reuses a key).
   */
  public static ActivatedJob job(String variablesJson, String jobType, long key) {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            JobContexts.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getVariables", "toJson" -> variablesJson;
                  case "getCustomHeaders" -> Map.of();
                  case "getTenantId" -> "<default>";
                  case "getType" -> jobType;
                  case "getElementInstanceKey", "getKey" -> key;
                  case "getProcessInstanceKey", "getProcessDefinitionKey", "getDeadline" -> 1L;
                  case "getRetries", "getProcessDefinitionVersion" -> 3;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "TestJob" + key;
                  default -> null;
                });
  }
}
