package dev.zohoconnect.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.JobWorkerManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's job worker manager, through which the connector runtime opens one worker per connector,
 * with two additions:
 *
 * <ul>
 *   <li>every job handler is wrapped in an {@link ObservedJobHandler} (MDC fields, in-flight count
 *       for graceful shutdown);
 *   <li>{@code camunda.client.worker.defaults.name}, when set, names the workers. The connector
 *       runtime otherwise names every worker after the connector, so all instances of the runtime
 *       would look alike in the engine's job records and in Operate.
 * </ul>
 */
final class ObservedJobWorkerManager extends JobWorkerManager {

  private static final Logger LOG = LoggerFactory.getLogger(ObservedJobWorkerManager.class);

  private final InFlightJobs inFlight;
  private final String workerName;

  ObservedJobWorkerManager(
      JobHandlingStrategies strategies, InFlightJobs inFlight, String workerName) {
    super(
        strategies.commandExceptionHandling(),
        strategies.metricsRecorder(),
        strategies.parameterResolver(),
        strategies.resultProcessor(),
        strategies.backoffSupplier(),
        strategies.jobExceptionHandling());
    this.inFlight = inFlight;
    this.workerName = workerName;
  }

  @Override
  public JobWorker openWorker(CamundaClient client, JobWorkerValue worker, JobHandler handler) {
    if (workerName != null) {
      worker.setName(workerName);
    }
    LOG.info("Opening job worker '{}' for job type {}", worker.getName(), worker.getType());
    return super.openWorker(client, worker, new ObservedJobHandler(handler, inFlight));
  }
}
