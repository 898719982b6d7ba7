package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.InstanceTracker.End;
import dev.zohoconnect.benchmark.InstanceTracker.Ended;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.model.ZohoEdition;
import dev.zohoconnect.emulator.EmulatorCounters;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A burst of cancellations against an org whose concurrency limit is far below the job threads that
 * want to call Zoho: several runtimes on one engine ({@link RuntimeFleet}), each with many job
 * threads, all instances created at once, every call answered after a fixed latency, and the
 * emulator answering 429 to every call beyond the org's limit as Zoho does.
 *
 * <p>Measured until every instance has ended. Instances whose jobs were handed back to Zeebe with a
 * retry backoff (this connector's template asks for 10 s) would keep a run waiting with nothing
 * happening: once nothing runs, the engine's clock skips ahead past the backoff so they come back
 * at once. The rate counts only the cancellations before the first skip.
 */
final class OrgLimitRun {

  enum Side {
    /**
     * This connector as the element template configures it, refresh token, the edition left at the
     * template's default (Free, 5 calls): what a modeler gets who does not say the edition.
     */
    CONNECTOR_DEFAULT_EDITION("this connector, edition left at Free"),
    /** The same with the org's edition chosen in the template, as the README asks. */
    CONNECTOR("this connector, org's edition"),
    /** Camunda's REST connector, access token, retried as its template does. */
    REST("REST connector");

    final String label;

    Side(String label) {
      this.label = label;
    }
  }

  /**
   * @param concurrencyLimit the org's limit at the emulator; {@link #UNLIMITED} for the engine's
   *     own ceiling
   * @param threads job threads (and jobs held) per runtime
   */
  record Setup(
      Side side, int concurrencyLimit, int latencyMs, int runtimes, int threads, int instances) {

    boolean unlimited() {
      return concurrencyLimit == UNLIMITED;
    }

    /** The most cancellations per second Zoho's limit allows: every slot busy all the time. */
    double ceilingPerSecond() {
      return latencyMs == 0 || unlimited()
          ? Double.POSITIVE_INFINITY
          : concurrencyLimit * 1000.0 / latencyMs;
    }
  }

  /**
   * @param completedInBurst instances completed before the first time skip (all, if none)
   * @param burstSeconds real time from the first create to the last of those completions
   * @param steadyRate completions per second between the 10th and the 90th percentile of those
   *     completions: the burst without its start (creating the instances, activating the first
   *     jobs, the limits warming up) and its tail
   * @param waitingAfterBurst instances left waiting for a retry backoff when the burst was over
   * @param maxArrived the most CRM calls at the emulator at once, those refused with 429 included
   * @param maxAdmitted the most calls Zoho's limit let in at once (at most the limit)
   */
  record Outcome(
      Setup setup,
      int completed,
      int failed,
      int notEnded,
      int completedInBurst,
      double burstSeconds,
      double steadyRate,
      int waitingAfterBurst,
      long apiCalls,
      long cancellations,
      long tooManyRequests,
      long tokenCalls,
      int maxArrived,
      int maxAdmitted) {

    double rate() {
      return burstSeconds == 0 ? 0 : completedInBurst / burstSeconds;
    }

    /** Share of the ceiling reached in the steady part; NaN when the org had no limit. */
    double shareOfCeiling() {
      return setup.unlimited() || setup.latencyMs() == 0
          ? Double.NaN
          : steadyRate / setup.ceilingPerSecond();
    }

    double callsPerCancellation() {
      return cancellations == 0 ? Double.NaN : (double) apiCalls / cancellations;
    }

    double tooManyShare() {
      return apiCalls == 0 ? 0 : (double) tooManyRequests / apiCalls;
    }

    /** Every instance failed or not ended, whether it ended at the error event or never. */
    int unsuccessful() {
      return failed + notEnded;
    }
  }

  static final int UNLIMITED = 1_000_000;

  /** More than either connector's retry backoff (this one's template: 10 s). */
  static final Duration BACKOFF_SKIP = Duration.ofSeconds(65);

  /** Three job executions leave at most two backoffs; one more skip for stragglers. */
  private static final int MAX_SKIPS = 3;

  private static final Duration QUIET = Duration.ofMillis(500);

  private static final Duration QUIET_AFTER_SKIP = Duration.ofSeconds(3);

  static Outcome run(Setup setup) throws InterruptedException {
    try (ZohoFixture zoho =
            ZohoFixture.start(Duration.ofMillis(setup.latencyMs()), setup.concurrencyLimit());
        RuntimeFleet fleet =
            new RuntimeFleet(
                new RuntimeFleet.Shape(
                    setup.runtimes(),
                    setup.threads(),
                    setup.threads(),
                    Duration.ofMillis(20),
                    Duration.ofMinutes(10)),
                zoho.secrets(),
                runtime -> List.of(connector(setup.side())),
                new ConnectorActivity(zoho.emulator().clock()))) {
      ConnectorActivity activity = fleet.activity();
      VirtualTime time = new VirtualTime(fleet.engine(), zoho.emulator().clock());
      String processId = "bench-org-limit-" + setup.side().name().toLowerCase(Locale.ROOT);
      fleet.deploy(processId + ".bpmn", process(processId, setup));
      InstanceTracker instances =
          new InstanceTracker(fleet.client(), processId, time, Duration.ofMinutes(15));
      List<Map<String, Object>> variables = new ArrayList<>();
      for (int i = 0; i < setup.instances(); i++) {
        variables.add(
            Map.of(
                "meetingId",
                zoho.newMeeting(),
                "zohoUrl",
                zoho.baseUrl(),
                "tokenUrl",
                zoho.baseUrl()));
      }
      EmulatorCounters counters = zoho.emulator().counters();
      counters.reset();

      long burstStart = System.nanoTime();
      variables.forEach(v -> instances.start(0, v));
      boolean allEnded = instances.awaitEndedOrWaiting(activity, QUIET, Duration.ofMinutes(10));
      List<Ended> burst = instances.ended();
      int waitingAfterBurst = instances.open();
      int skips = 0;
      while (!allEnded && skips < MAX_SKIPS) {
        time.skip(BACKOFF_SKIP);
        skips++;
        // The engine needs a moment to hand the jobs out again: quiet counts from the skip.
        activity.touch();
        allEnded =
            instances.awaitEndedOrWaiting(activity, QUIET_AFTER_SKIP, Duration.ofMinutes(10));
      }
      List<Ended> completedInBurst = burst.stream().filter(e -> e.end() == End.COMPLETED).toList();
      long[] completionNanos =
          completedInBurst.stream().mapToLong(Ended::realNanos).sorted().toArray();
      long lastCompletion =
          completedInBurst.stream().mapToLong(Ended::realNanos).max().orElse(burstStart);
      return new Outcome(
          setup,
          (int) instances.count(End.COMPLETED),
          (int) instances.count(End.FAILED),
          instances.open() + (int) instances.count(End.NOT_AWAITED),
          completedInBurst.size(),
          (lastCompletion - burstStart) / 1e9,
          steadyRate(completionNanos),
          waitingAfterBurst,
          counters.apiCalls(),
          counters.cancellations(),
          counters.tooManyRequestsSent(),
          counters.tokenRefreshes(),
          counters.maxConcurrentApiRequestsArrived(),
          counters.maxConcurrentApiRequests());
    }
  }

  /** Completions per second from the 10th to the 90th percentile of the completion times. */
  static double steadyRate(long[] sortedNanos) {
    if (sortedNanos.length < 10) {
      return Double.NaN;
    }
    int from = sortedNanos.length / 10;
    int to = sortedNanos.length - 1 - sortedNanos.length / 10;
    long nanos = sortedNanos[to] - sortedNanos[from];
    return nanos <= 0 ? Double.NaN : (to - from) * 1e9 / nanos;
  }

  private static BpmnModelInstance process(String processId, Setup setup) {
    return switch (setup.side()) {
      case CONNECTOR_DEFAULT_EDITION -> BenchmarkProcesses.connectorUnderOrgLimit(processId, null);
      case CONNECTOR -> BenchmarkProcesses.connectorUnderOrgLimit(processId, edition(setup));
      case REST -> BenchmarkProcesses.restUnderOrgLimit(processId);
    };
  }

  /**
   * The edition whose allowance is the org's limit; for an org without a limit (the setup's own
   * ceiling), the largest, so the governor caps each runtime at 25 calls as it would for Ultimate.
   */
  private static ZohoEdition edition(Setup setup) {
    return setup.unlimited() ? ZohoEdition.ULTIMATE : editionAllowing(setup.concurrencyLimit());
  }

  static ZohoEdition editionAllowing(int concurrentCalls) {
    return Arrays.stream(ZohoEdition.values())
        .filter(edition -> edition.concurrentCalls() == concurrentCalls)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No Zoho edition allows " + concurrentCalls + " calls at once"));
  }

  /**
   * A runtime's connector instance, made as the runtime makes it (settings from its environment).
   */
  private static OutboundConnectorFunction connector(Side side) {
    return switch (side) {
      case CONNECTOR, CONNECTOR_DEFAULT_EDITION -> new CancelMeetingFunction();
      case REST -> RuntimeJobs.restConnector();
    };
  }
}
