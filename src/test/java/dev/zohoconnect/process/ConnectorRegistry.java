package dev.zohoconnect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.core.config.OutboundConnectorConfiguration;
import io.camunda.connector.runtime.core.outbound.DefaultOutboundConnectorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which connectors get a worker: the ones given explicitly and, unless turned off, every one the
 * runtime's own discovery finds (SPI functions and providers, {@code CONNECTOR_*} overrides).
 */
final class ConnectorRegistry {

  private record AnnotatedFunction(Class<?> annotated, OutboundConnectorFunction function) {}

  private final List<AnnotatedFunction> annotatedFunctions = new ArrayList<>();
  private final List<OutboundConnectorConfiguration> explicitConfigurations = new ArrayList<>();
  private Boolean discover;

  void add(Class<?> annotated, OutboundConnectorFunction function) {
    if (!annotated.isAnnotationPresent(OutboundConnector.class)) {
      throw new IllegalArgumentException(
          annotated.getName() + " has no @OutboundConnector; use connector(type, function)");
    }
    annotatedFunctions.add(new AnnotatedFunction(annotated, function));
  }

  void add(String type, OutboundConnectorFunction function) {
    explicitConfigurations.add(
        new OutboundConnectorConfiguration(type, new String[0], type, () -> function));
  }

  /** Default: discovery on when no connector was given explicitly. */
  void discover(boolean discover) {
    this.discover = discover;
  }

  /** Discovered connectors sorted by type, then the ones given, in the order given. */
  List<OutboundConnectorConfiguration> resolve(
      ObjectMapper objectMapper, ValidationProvider validationProvider) {
    boolean spi =
        discover != null
            ? discover
            : annotatedFunctions.isEmpty() && explicitConfigurations.isEmpty();
    List<OutboundConnectorConfiguration> result = new ArrayList<>();
    if (spi) {
      result.addAll(discovered(objectMapper, validationProvider));
    }
    annotatedFunctions.forEach(registered -> result.add(configuration(registered)));
    result.addAll(explicitConfigurations);
    Set<String> seen = new HashSet<>();
    for (OutboundConnectorConfiguration c : result) {
      if (!seen.add(c.type())) {
        throw new IllegalStateException(
            "Two connectors for job type "
                + c.type()
                + "; with SPI discovery on, do not "
                + "register an SPI-listed connector again (or call discoverConnectors(false))");
      }
    }
    // No connector at all is a mistake, unless discovery was turned off without giving one: an
    // engine whose jobs runtimes elsewhere take.
    if (result.isEmpty() && !Boolean.FALSE.equals(discover)) {
      throw new IllegalStateException("No outbound connector registered or discovered");
    }
    return result;
  }

  private static List<OutboundConnectorConfiguration> discovered(
      ObjectMapper objectMapper, ValidationProvider validationProvider) {
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

  /**
   * As the runtime reads an annotated connector, with its {@code CONNECTOR_<NAME>_TYPE} override.
   */
  private static OutboundConnectorConfiguration configuration(AnnotatedFunction registered) {
    OutboundConnectorFunction function = registered.function();
    OutboundConnector annotation = registered.annotated().getAnnotation(OutboundConnector.class);
    String normalized =
        annotation
            .name()
            .trim()
            .replaceAll("[^a-zA-Z0-9_ ]", "")
            .replaceAll(" ", "_")
            .toUpperCase();
    String type =
        Objects.requireNonNullElse(
            System.getProperty("CONNECTOR_" + normalized + "_TYPE"), annotation.type());
    return new OutboundConnectorConfiguration(
        annotation.name(), annotation.inputVariables(), type, () -> function);
  }
}
