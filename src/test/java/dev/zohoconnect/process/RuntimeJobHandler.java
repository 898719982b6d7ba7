package dev.zohoconnect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.metrics.DefaultNoopMetricsRecorder;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.core.outbound.ConnectorResult;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.metrics.ConnectorsOutboundMetrics;
import io.camunda.connector.runtime.outbound.job.SpringConnectorJobHandler;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The runtime's {@link SpringConnectorJobHandler} with what tests need around its commands: lost
 * completions, a listener told of every failure, and the failed job's variables kept for an engine
 * that would drop them.
 *
 * <p>zeebe-process-test's in-memory gateway drops the variables of a FailJob command, which a real
 * gateway stores as local variables of the job's task: the runtime stores its {@code error} there,
 * and a connector re-reads it when the job comes back. With a {@link Wiring#failVariablesClient()},
 * setting them just before the failure gives the in-memory engine the same state a cluster has.
 */
final class RuntimeJobHandler extends SpringConnectorJobHandler {

  /** What every handler of one set of workers shares. */
  record Wiring(
      ConnectorsOutboundMetrics metrics,
      CommandExceptionHandlingStrategy commandStrategy,
      SecretProviderAggregator secretProvider,
      ValidationProvider validationProvider,
      DocumentFactory documentFactory,
      ObjectMapper connectorObjectMapper,
      CamundaClient failVariablesClient,
      Predicate<ActivatedJob> completionLost,
      JobFailedListener jobFailed) {}

  private final Wiring wiring;

  RuntimeJobHandler(Wiring wiring, OutboundConnectorFunction function) {
    super(
        wiring.metrics(),
        wiring.commandStrategy(),
        wiring.secretProvider(),
        wiring.validationProvider(),
        wiring.documentFactory(),
        wiring.connectorObjectMapper(),
        function,
        new DefaultNoopMetricsRecorder());
    this.wiring = wiring;
  }

  /**
   * A complete command that never reaches the gateway: the job stays activated until it times out.
   */
  @Override
  protected void completeJob(
      JobClient jobClient, ActivatedJob job, ConnectorResult.SuccessResult result) {
    if (!wiring.completionLost().test(job)) {
      super.completeJob(jobClient, job, result);
    }
  }

  @Override
  protected void failJob(
      JobClient jobClient, ActivatedJob job, ConnectorResult.ErrorResult result) {
    if (wiring.failVariablesClient() != null && result.responseValue() != null) {
      try {
        wiring
            .failVariablesClient()
            .newSetVariablesCommand(job.getElementInstanceKey())
            .variables(result.responseValue())
            .local(true)
            .send()
            .join();
      } catch (RuntimeException ignored) {
        // the failure itself is still reported below
      }
    }
    wiring
        .jobFailed()
        .failed(
            job,
            result.retries(),
            result.retryBackoff() == null ? Duration.ZERO : result.retryBackoff());
    super.failJob(jobClient, job, result);
  }
}
