package dev.zohoconnect.runtime;

import io.camunda.client.jobhandling.JobWorkerManager;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runtime's additions to Camunda's connectors starter; see {@link ObservedJobWorkerManager}. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

  @Bean
  static ObservedJobWorkers observedJobWorkers() {
    return new ObservedJobWorkers();
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
