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
 */
public final class JobContexts {

  /** Each job made without a key is another task (element instance), as in a real engine. */
  private static final AtomicLong TASKS = new AtomicLong(1_000_000);

  private static final ObjectMapper MAPPER = ConnectorsObjectMapperSupplier.getCopy();

  private JobContexts() {}

  public static OutboundConnectorContext of(Map<String, Object> variables, Map<String, String> secrets) {
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
        job(json, elementInstanceKey), secretsFrom(secrets), new DefaultValidationProvider(), null, MAPPER);
  }

  public static SecretProvider secretsFrom(Map<String, String> secrets) {
    return new SecretProvider() {
      @Override
      public String getSecret(String name, SecretContext context) {
        return secrets.get(name);
      }
    };
  }

  private static ActivatedJob job(String variablesJson, long elementInstanceKey) {
    return (ActivatedJob)
        Proxy.newProxyInstance(
            JobContexts.class.getClassLoader(),
            new Class<?>[] {ActivatedJob.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getVariables", "toJson" -> variablesJson;
                  case "getCustomHeaders" -> Map.of();
                  case "getTenantId" -> "<default>";
                  case "getType" -> "dev.zohoconnect:zoho-cancel-meeting:1";
                  case "getElementInstanceKey", "getKey" -> elementInstanceKey;
                  case "getProcessInstanceKey", "getProcessDefinitionKey", "getDeadline" -> 1L;
                  case "getRetries", "getProcessDefinitionVersion" -> 3;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "TestJob";
                  default -> null;
                });
  }
}
