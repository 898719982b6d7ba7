package dev.zohoconnect.runtime;

import io.camunda.client.jobhandling.JobWorkerManager;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * On shutdown (SIGTERM, Kubernetes pod deletion, Ctrl-C), before anything else stops: reports
 * not-ready, stops the workers from taking new jobs, and waits up to the drain timeout for the jobs
 * already taken to finish and their results to reach the engine. Only then does the Camunda client
 * close. Without this, the client's close interrupts running jobs; Zeebe would hand them to another
 * instance only after their job timeout.
 */
final class GracefulShutdown implements ApplicationListener<ContextClosedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final ApplicationContext context;
  private final JobWorkerManager workers;
  private final InFlightJobs inFlight;
  private final Duration drainTimeout;

  GracefulShutdown(
      ApplicationContext context,
      JobWorkerManager workers,
      InFlightJobs inFlight,
      Duration drainTimeout) {
    this.context = context;
    this.workers = workers;
    this.inFlight = inFlight;
    this.drainTimeout = drainTimeout;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // e.g. a management child context
    }
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    workers.closeAllOpenWorkers();
    LOG.info(
        "Shutting down: workers closed, waiting up to {} for {} running job(s) and {} pending"
            + " command(s)",
        drainTimeout,
        inFlight.runningHandlers(),
        inFlight.pendingCommands());
    try {
      if (inFlight.awaitIdle(drainTimeout)) {
        LOG.info("Shutting down: all running jobs finished");
      } else {
        LOG.warn(
            "Shutting down: drain timeout {} reached with {} job(s) still running; the engine"
                + " will offer them again after their job timeout",
            drainTimeout,
            inFlight.runningHandlers());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
