package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.BenchmarkProcesses.Variant;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.emulator.Endpoint;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Process instances end to end through the in-memory Zeebe engine and Camunda's real connector
 * runtime ({@link ConnectorRuntimeHarness}): each instance is created with "await result", so it
 * counts once its end event is reached. Every run starts from nothing: a fresh emulator, a fresh
 * engine, fresh connector instances (so a cold token cache), {@code parallelJobs} job-handler
 * threads shared by all connectors.
 */
final class EngineRun {

  /** Where the REST variant's token task goes. */
  enum TokenSource {
    /** The emulator's own token endpoint, Zoho's limit of 10 refreshes per 10 minutes included. */
    ZOHO,
    /** {@link UnlimitedTokenEndpoint}: the same call and latency without the limit. */
    UNLIMITED
  }

  record Outcome(
      Variant variant,
      int latencyMs,
      TokenSource tokenSource,
      int instances,
      int completed,
      int failed,
      int failedAtTokenTask,
      long cancelCalls,
      long cancellations,
      double seconds,
      double instancesPerSecond,
      double p50Millis,
      double p99Millis,
      long tokenCalls,
      long tokenCallsRefused,
      long tooManyRequests,
      int maxConcurrentZohoCalls) {

    double tokenCallsPer1000() {
      return instances == 0 ? 0 : tokenCalls * 1000.0 / instances;
    }
  }

  static final int ZOHO_REFRESHES_PER_WINDOW = 10;

  /** Instances created and not yet ended at any time: enough to keep every job thread busy. */
  private static final int IN_FLIGHT = 64;

  private final int parallelJobs;

  EngineRun(int parallelJobs) {
    this.parallelJobs = parallelJobs;
  }

  Outcome run(Variant variant, int latencyMs, TokenSource tokenSource, int warmup, int measured)
      throws InterruptedException {
    Duration latency = Duration.ofMillis(latencyMs);
    try (ZohoFixture zoho = ZohoFixture.start(latency);
        UnlimitedTokenEndpoint unlimited = new UnlimitedTokenEndpoint(zoho.emulator(), latency);
        ConnectorRuntimeHarness runtime =
            ConnectorRuntimeHarness.builder()
                .connector(new CancelMeetingFunction())
                .connector(RuntimeJobs.restConnector())
                .secrets(zoho.secrets())
                .workerThreads(parallelJobs)
                .maxJobsActive(2 * parallelJobs)
                .pollInterval(Duration.ofMillis(10))
                .start()) {
      runtime.deploy(variant.processId + ".bpmn", BenchmarkProcesses.process(variant));
      String tokenUrl = tokenSource == TokenSource.ZOHO ? zoho.baseUrl() : unlimited.baseUrl();
      if (warmup > 0) {
        batch(runtime, zoho, variant, tokenUrl, warmup);
      }
      long refreshesBefore = zoho.emulator().counters().tokenRefreshes();
      long unlimitedBefore = unlimited.calls();
      long tooManyBefore = zoho.emulator().counters().tooManyRequestsSent();
      long cancelCallsBefore = zoho.emulator().counters().requests(Endpoint.CANCEL_EVENT);
      long cancellationsBefore = zoho.emulator().counters().cancellations();
      Batch batch = batch(runtime, zoho, variant, tokenUrl, measured);
      long refreshesAfter = zoho.emulator().counters().tokenRefreshes();
      long tokenCalls = refreshesAfter - refreshesBefore + unlimited.calls() - unlimitedBefore;
      // Every run lasts well under Zoho's 10-minute window, so the emulator grants the first ten
      // refreshes since it started and refuses the rest ("Access Denied").
      long refused =
          (refreshesAfter - refreshesBefore)
              - (Math.min(refreshesAfter, ZOHO_REFRESHES_PER_WINDOW)
                  - Math.min(refreshesBefore, ZOHO_REFRESHES_PER_WINDOW));
      return new Outcome(
          variant,
          latencyMs,
          tokenSource,
          measured,
          batch.completed,
          batch.failed,
          batch.failedAtTokenTask,
          zoho.emulator().counters().requests(Endpoint.CANCEL_EVENT) - cancelCallsBefore,
          zoho.emulator().counters().cancellations() - cancellationsBefore,
          batch.seconds,
          measured / batch.seconds,
          percentile(batch.latenciesMillis, 0.50),
          percentile(batch.latenciesMillis, 0.99),
          tokenCalls,
          refused,
          zoho.emulator().counters().tooManyRequestsSent() - tooManyBefore,
          zoho.emulator().counters().maxConcurrentApiRequests());
    }
  }

  private record Batch(
      int completed, int failed, int failedAtTokenTask, double seconds, double[] latenciesMillis) {}

  private static Batch batch(
      ConnectorRuntimeHarness runtime,
      ZohoFixture zoho,
      Variant variant,
      String tokenUrl,
      int count)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger failedAtTokenTask = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    double[] latencies = new double[count];
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int index = i;
      String meetingId = zoho.newMeeting();
      long sent = System.nanoTime();
      BenchmarkProcesses.run(runtime.client(), variant, meetingId, zoho.baseUrl(), tokenUrl)
          .whenComplete(
              (ProcessInstanceResult result, Throwable error) -> {
                latencies[index] = (System.nanoTime() - sent) / 1e6;
                if (error != null) {
                  errors.add(error);
                } else if (result.getVariablesAsMap().get("failed") != null) {
                  failed.incrementAndGet();
                  if ("fetchToken".equals(result.getVariablesAsMap().get("failed"))) {
                    failedAtTokenTask.incrementAndGet();
                  }
                } else {
                  completed.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
              });
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(variant + ": instances did not end within 10 minutes");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          variant + ": " + errors.size() + " instances could not be awaited", errors.peek());
    }
    return new Batch(completed.get(), failed.get(), failedAtTokenTask.get(), seconds, latencies);
  }

  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
