package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.error.DefaultErrorExpression;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import io.camunda.connector.feel.FeelEngineWrapper;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A runtime that shuts down interrupts the threads running jobs. The runtime then evaluates the
 * error expression on that same thread, and FEEL refuses to run on an interrupted thread: the job
 * got an incident with no retries instead of going back to Zeebe. The connector hands the job back
 * at once, retryable, with the thread able to finish the runtime's work.
 */
class InterruptedJobTest extends ZohoWireTest {

  @Test
  void anInterruptedCallHandsTheJobBackToZeebeWithARetryNotAnIncident() throws Exception {
    givenCancelAnswers(json(200, successBody()).withFixedDelay(3_000));
    CompletableFuture<Map<String, Object>> outcome = new CompletableFuture<>();
    Thread job =
        new Thread(
            () -> {
              ZohoConnectorException failure;
              try {
                cancel(variables());
                outcome.completeExceptionally(
                    new AssertionError("completed despite the interrupt"));
                return;
              } catch (ZohoConnectorException e) {
                failure = e;
              } catch (Throwable other) {
                outcome.completeExceptionally(other);
                return;
              }
              try {
                // What the runtime does next, on the same thread: evaluate the error expression.
                Object decision =
                    new FeelEngineWrapper()
                        .evaluate(
                            DefaultErrorExpression.FEEL,
                            Map.of(
                                "error",
                                Map.of(
                                    "code", failure.getErrorCode(),
                                    "message", failure.getMessage(),
                                    "variables", failure.getErrorVariables()),
                                "job",
                                Map.of("retries", 3)));
                Map<String, Object> seen = new HashMap<>();
                seen.put("code", failure.getErrorCode());
                seen.put("decision", decision);
                seen.put("variables", failure.getErrorVariables());
                outcome.complete(seen);
              } catch (Throwable feelFailed) {
                outcome.completeExceptionally(feelFailed);
              }
            });
    job.start();
    Thread.sleep(500);
    job.interrupt();

    Map<String, Object> result = outcome.get(10, TimeUnit.SECONDS);

    assertThat(result.get("code")).isEqualTo("ZOHO_CONNECTION_FAILED");
    // The call was under way, so it may have cancelled the meeting: the expression leaves the
    // failure to the runtime, which fails the job with one retry less and keeps the variables on
    // it for the next execution (no BPMN error, no incident).
    assertThat(result.get("decision")).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) result.get("variables");
    assertThat(variables).containsEntry("retryable", true).containsEntry("mayHaveCancelled", true);
    assertThat(cancelCalls()).as("no attempt after the interrupt").isEqualTo(1);
  }
}
