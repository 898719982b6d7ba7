package dev.zohoconnect.runtime;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;

/**
 * What Camunda's starter builds its job worker manager from (its own beans), so that {@link
 * ObservedJobWorkerManager} handles jobs exactly as the starter's would.
 */
record JobHandlingStrategies(
    CommandExceptionHandlingStrategy commandExceptionHandling,
    MetricsRecorder metricsRecorder,
    ParameterResolverStrategy parameterResolver,
    ResultProcessorStrategy resultProcessor,
    BackoffSupplier backoffSupplier,
    JobExceptionHandlingStrategy jobExceptionHandling) {}
