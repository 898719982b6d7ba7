package dev.zohoconnect.process;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector for testing the harness: echoes its input, or fails as told. Registered by SPI (test
 * resources), so it also proves the runtime's discovery.
 *
 * <p>Input (after the task's input mappings): {@code message} (required: Bean Validation turns a
 * blank one into a {@code ConnectorInputException}), {@code token} (typically {@code
 * {{secrets.X}}}), {@code behaviour} = {@code echo} (default) | {@code throw} (a {@link
 * ConnectorException} with {@code errorCode}, {@code message}, {@code errorVariables}) | {@code
 * failFirstAttempts} (throws on the first {@code failAttempts} calls for the same element instance,
 * then echoes) | {@code throwWithToken} (a {@link ConnectorException} whose message contains the
 * token, to see the runtime mask secrets).
 */
@OutboundConnector(
    name = "Echo test connector",
    type = EchoTestConnector.TYPE,
    inputVariables = {})
public class EchoTestConnector implements OutboundConnectorFunction {

  public static final String TYPE = "dev.zohoconnect:test-echo:1";

  private static final Map<Long, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  public record Request(
      @NotBlank String message,
      String token,
      String behaviour,
      String errorCode,
      Map<String, Object> errorVariables,
      Integer failAttempts) {}

  public record Result(String message, String token, int attempt) {}

  /** How often the connector ran for this element instance (a service task activation). */
  public static int attempts(long elementInstanceKey) {
    AtomicInteger n = ATTEMPTS.get(elementInstanceKey);
    return n == null ? 0 : n.get();
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    int attempt =
        ATTEMPTS
            .computeIfAbsent(
                context.getJobContext().getElementInstanceKey(), k -> new AtomicInteger())
            .incrementAndGet();
    Request request = context.bindVariables(Request.class);
    String behaviour = request.behaviour() == null ? "echo" : request.behaviour();
    switch (behaviour) {
      case "echo" -> {
        return new Result(request.message(), request.token(), attempt);
      }
      case "throw" ->
          throw new ConnectorExceptionBuilder()
              .errorCode(request.errorCode())
              .message(request.message())
              .errorVariables(request.errorVariables())
              .build();
      case "throwWithToken" ->
          throw new ConnectorException(request.errorCode(), "rejected token " + request.token());
      case "failFirstAttempts" -> {
        int failures = request.failAttempts() == null ? 1 : request.failAttempts();
        if (attempt <= failures) {
          throw new ConnectorException("TRANSIENT", "attempt " + attempt + " failed");
        }
        return new Result(request.message(), request.token(), attempt);
      }
      default -> throw new IllegalArgumentException("unknown behaviour " + behaviour);
    }
  }
}
