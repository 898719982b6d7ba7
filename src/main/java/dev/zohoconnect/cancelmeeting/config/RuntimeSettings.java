package dev.zohoconnect.cancelmeeting.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Settings an operator gives the connector runtime rather than a process: where a token may go, how
 * long one execution may take, how many calls may run at once. They are read from the runtime's
 * environment (or a system property of the same meaning, which wins), never from process variables,
 * so whoever can start a process cannot change them.
 */
public final class RuntimeSettings {

  /** One setting: its environment variable and its system property. */
  public record Setting(String environmentVariable, String systemProperty) {}

  /**
   * Origins (scheme and host, with a port only where one is given) that a custom API base URL or
   * accounts URL may name, separated by commas. Zoho's own hosts are always allowed.
   */
  public static final Setting ALLOWED_ORIGINS =
      new Setting("ZOHO_CONNECTOR_ALLOWED_ORIGINS", "zoho.connector.allowed-origins");

  /** The time one execution of a job may take, all attempts and waits included (ISO-8601 or s). */
  public static final Setting EXECUTION_BUDGET =
      new Setting("ZOHO_CONNECTOR_EXECUTION_BUDGET", "zoho.connector.execution-budget");

  /**
   * The most calls this runtime may have in flight to one Zoho org, a whole number from 1 to 25. It
   * only lowers the limit of the edition the template names, never raises it: for orgs whose other
   * integrations use part of the allowance. A value outside that range is a configuration error.
   */
  public static final Setting MAX_CONCURRENT_CALLS =
      new Setting("ZOHO_CONNECTOR_MAX_CONCURRENT_CALLS", "zoho.connector.max-concurrent-calls");

  private final UnaryOperator<String> environment;
  private final UnaryOperator<String> systemProperties;

  private RuntimeSettings(
      UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
    this.environment = environment;
    this.systemProperties = systemProperties;
  }

  /** The settings of this JVM, read on each call (a test may set a system property late). */
  public static RuntimeSettings fromEnvironment() {
    return new RuntimeSettings(System::getenv, System::getProperty);
  }

  /** Fixed settings, keyed by environment variable name; for tests and embedded runtimes. */
  public static RuntimeSettings of(Map<String, String> byEnvironmentVariable) {
    Map<String, String> copy = Map.copyOf(byEnvironmentVariable);
    return new RuntimeSettings(copy::get, name -> null);
  }

  /** The setting's value, the system property before the environment variable; blank is absent. */
  public Optional<String> get(Setting setting) {
    String property = systemProperties.apply(setting.systemProperty());
    if (property != null && !property.isBlank()) {
      return Optional.of(property.trim());
    }
    String variable = environment.apply(setting.environmentVariable());
    return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
  }
}
