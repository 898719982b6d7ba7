package dev.zohoconnect.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.client.jobhandling.JobWorkerManager;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The runtime's additions to Camunda's connectors starter; see {@link ObservedJobWorkerManager}.
 */
@Configuration(proxyBeanMethods = false)
@Import(JobHandlingStrategies.class)
class RuntimeConfiguration {

  /** Camunda's default worker name: not a name an operator chose. */
  private static final String CAMUNDA_DEFAULT_WORKER_NAME = "default";

  /**
   * The job worker manager the connector runtime opens its workers through. Camunda's starter
   * declares its own unconditionally; as the primary one, this is the one injected everywhere (the
   * connector runtime, {@link GracefulShutdown}), whatever class the starter's is.
   */
  @Bean
  @Primary
  ObservedJobWorkerManager observedJobWorkerManager(
      JobHandlingStrategies strategies,
      InFlightJobs inFlight,
      @Value("${camunda.client.worker.defaults.name:}") String workerName) {
    return new ObservedJobWorkerManager(
        strategies,
        inFlight,
        workerName.isBlank() || CAMUNDA_DEFAULT_WORKER_NAME.equals(workerName) ? null : workerName);
  }

  /**
   * Refuses to start when the Camunda client's commands would escape {@link CommandTracking}: a
   * graceful shutdown would then no longer wait for the jobs' last commands.
   */
  @Bean
  SmartInitializingSingleton commandTrackingCheck(ObjectProvider<CamundaClient> client) {
    return () -> client.ifAvailable(CommandTracking::requireTrackable);
  }

  @Bean
  InFlightJobs inFlightJobs() {
    return new InFlightJobs();
  }

  @Bean
  GracefulShutdown gracefulShutdown(
      ApplicationContext context,
      JobWorkerManager jobWorkerManager,
      InFlightJobs inFlight,
      @Value("${zoho.runtime.drain-timeout:${spring.lifecycle.timeout-per-shutdown-phase:30s}}")
          Duration drainTimeout) {
    return new GracefulShutdown(context, jobWorkerManager, inFlight, drainTimeout);
  }
}
