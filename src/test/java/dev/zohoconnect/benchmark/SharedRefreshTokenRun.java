package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.InstanceTracker.End;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.support.TestConnectors;
import dev.zohoconnect.emulator.EmulatorCounters;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.oauth.TokenGrant;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many connector runtimes, one refresh token: {@code runtimes} runtimes on one engine ({@link
 * RuntimeFleet}), each with its own connector instance and so its own token cache, all configured
 * with the same client and refresh token, against the emulator's token endpoint with Zoho's limits
 * (10 access tokens per refresh token in 10 minutes, 15 alive at once).
 *
 * <p>Load comes in waves, one a minute: {@code instancesPerRuntime} instances per runtime, taken by
 * whichever runtime asks first. Two phases: the cold start (every runtime starts with an empty
 * cache, the first wave hits them all at once), then a restart wave (every runtime stopped and
 * started again, cold caches at once) {@code restartAfter} after the cold start settled, without
 * load in between. A phase lasts until every runtime has cancelled a meeting and two waves in a row
 * went through without a failed execution or a token refresh, or {@code phaseCap}.
 *
 * <p>Minutes pass quickly: between waves, and while every open instance waits for a retry backoff,
 * the engine's and the emulator's clocks skip ahead ({@link VirtualTime}), and the connectors read
 * the emulator's clock, so token lifetimes, Zoho's refresh window, the connector's cool-downs and
 * Zeebe's retry backoffs all see the same time. Times below are on that clock.
 */
final class SharedRefreshTokenRun {

  record Setup(
      int runtimes,
      int threads,
      int latencyMs,
      int instancesPerRuntime,
      Duration wave,
      Duration phaseCap,
      Duration restartAfter) {}

  /**
   * @param startedAt when the phase began, from the cold start
   * @param allRuntimesCancelled from the phase's start until every runtime had completed a
   *     cancellation; null if that never happened within the phase
   * @param settledAfter from the phase's start until the start of the waves that ended it, in which
   *     no execution failed and no runtime asked for a token; null if the phase did not settle
   * @param instances process instances started in the phase; their ends are counted after the run
   * @param failedExecutions connector executions that ended in an error (handed back or raised)
   */
  record Phase(
      String name,
      Duration startedAt,
      Duration length,
      int waves,
      int instances,
      int completed,
      int failed,
      int notEnded,
      long tokenRefreshes,
      long accessDenied,
      long invalidTokenAnswers,
      long failedExecutions,
      int runtimesCancelled,
      Duration allRuntimesCancelled,
      Duration settledAfter) {}

  /**
   * @param liveTokensAtEnd access tokens of the shared refresh token Zoho still accepted at the end
   */
  record Outcome(Setup setup, List<Phase> phases, int liveTokensAtEnd) {}

  private static final Duration QUIET = Duration.ofMillis(500);

  /**
   * A phase has settled once every runtime has cancelled and this many waves in a row were clean.
   */
  static final int SETTLED_AFTER_CLEAN_WAVES = 2;

  private static final Duration DRAIN_STEP = Duration.ofSeconds(65);
  private static final int MAX_DRAIN_STEPS = 30;

  private SharedRefreshTokenRun() {}

  static Outcome run(Setup setup) throws InterruptedException {
    // The org's concurrency limit stays out of the way: only the token limits are measured here.
    try (ZohoFixture zoho =
        ZohoFixture.start(Duration.ofMillis(setup.latencyMs()), OrgLimitRun.UNLIMITED)) {
      Clock zohoTime = zoho.emulator().clock().withZone(ZoneOffset.UTC);
      ConnectorActivity activity = new ConnectorActivity(zohoTime);
      try (RuntimeFleet fleet =
          new RuntimeFleet(
              new RuntimeFleet.Shape(
                  setup.runtimes(),
                  setup.threads(),
                  setup.threads(),
                  Duration.ofMillis(100),
                  Duration.ofMinutes(30)),
              zoho.secrets(),
              runtime -> List.of(connector(zohoTime, runtime)),
              activity)) {
        VirtualTime time = new VirtualTime(fleet.engine(), zoho.emulator().clock());
        String processId = "bench-shared-refresh-token";
        fleet.deploy(
            processId + ".bpmn", BenchmarkProcesses.connectorUnderOrgLimit(processId, null));
        InstanceTracker instances =
            new InstanceTracker(fleet.client(), processId, time, Duration.ofHours(12));
        Instant coldStart = time.instant();
        Waves waves = new Waves(setup, zoho, activity, time, instances, coldStart);

        List<PhaseRun> runs = new ArrayList<>();
        runs.add(waves.phase(0, "cold start"));
        // Stopped while nothing runs, so no job is left with a runtime that is gone; then a quiet
        // spell without load, after which Zoho's refresh window holds none of the cold start's
        // refreshes.
        fleet.restart();
        time.skip(setup.restartAfter());
        runs.add(waves.phase(1, "restart wave"));

        boolean allEnded = instances.awaitEndedOrWaiting(activity, QUIET, Duration.ofMinutes(10));
        for (int step = 0; !allEnded && step < MAX_DRAIN_STEPS; step++) {
          time.skip(DRAIN_STEP);
          activity.touch();
          allEnded = instances.awaitEndedOrWaiting(activity, QUIET, Duration.ofMinutes(10));
        }
        List<Phase> phases = runs.stream().map(run -> run.counted(instances)).toList();
        return new Outcome(
            setup,
            phases,
            zoho.emulator().tokens().aliveTokens(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN).size());
      }
    }
  }

  /** A runtime's connector: its own token cache and connection pool, on the emulator's clock. */
  private static OutboundConnectorFunction connector(Clock clock, int runtime) {
    return TestConnectors.connector(new HttpTransport(clock), clock, Thread::sleep, runtime);
  }

  /** A phase as measured while it ran; its instances' ends are counted once the run is over. */
  private record PhaseRun(int tag, Phase measured) {
    Phase counted(InstanceTracker instances) {
      long completed = instances.count(tag, End.COMPLETED);
      long failed = instances.count(tag, End.FAILED);
      int started = (int) instances.created(tag);
      return new Phase(
          measured.name(),
          measured.startedAt(),
          measured.length(),
          measured.waves(),
          started,
          (int) completed,
          (int) failed,
          started - (int) completed - (int) failed,
          measured.tokenRefreshes(),
          measured.accessDenied(),
          measured.invalidTokenAnswers(),
          measured.failedExecutions(),
          measured.runtimesCancelled(),
          measured.allRuntimesCancelled(),
          measured.settledAfter());
    }
  }

  /** Starts the waves of a phase and watches what they do. */
  private record Waves(
      Setup setup,
      ZohoFixture zoho,
      ConnectorActivity activity,
      VirtualTime time,
      InstanceTracker instances,
      Instant coldStart) {

    PhaseRun phase(int tag, String name) throws InterruptedException {
      EmulatorCounters counters = zoho.emulator().counters();
      Instant start = time.instant();
      activity.startPhase();
      long refreshes = counters.tokenRefreshes();
      long denied = counters.tokenRefusals(TokenGrant.Refused.ACCESS_DENIED);
      long invalid = counters.errorAnswers("INVALID_TOKEN");
      long failures = activity.failures();
      Duration allCancelled = null;
      Duration settled = null;
      Duration cleanSince = null;
      int cleanInARow = 0;
      int waves = 0;
      while (true) {
        Instant waveStart = time.instant();
        Duration waveStartsAt = Duration.between(start, waveStart);
        long failuresBefore = activity.failures();
        long refreshesBefore = counters.tokenRefreshes();
        for (int i = 0; i < setup.runtimes() * setup.instancesPerRuntime(); i++) {
          instances.start(
              tag,
              Map.of(
                  "meetingId",
                  zoho.newMeeting(),
                  "zohoUrl",
                  zoho.baseUrl(),
                  "tokenUrl",
                  zoho.baseUrl()));
        }
        waves++;
        instances.awaitEndedOrWaiting(activity, QUIET, Duration.ofMinutes(10));
        Duration elapsed = Duration.between(start, time.instant());
        if (allCancelled == null && activity.runtimesWithSuccess() == setup.runtimes()) {
          allCancelled = lastFirstSuccess(start);
        }
        // Settled means steady: nothing failed, and nobody needed a token any more.
        boolean waveClean =
            activity.failures() == failuresBefore && counters.tokenRefreshes() == refreshesBefore;
        cleanInARow = waveClean ? cleanInARow + 1 : 0;
        if (cleanInARow == 1) {
          cleanSince = waveStartsAt;
        }
        if (allCancelled != null && cleanInARow >= SETTLED_AFTER_CLEAN_WAVES) {
          settled = cleanSince;
          break;
        }
        if (elapsed.compareTo(setup.phaseCap()) >= 0) {
          break;
        }
        Duration rest = setup.wave().minus(Duration.between(waveStart, time.instant()));
        if (rest.isPositive()) {
          time.skip(rest);
        }
      }
      return new PhaseRun(
          tag,
          new Phase(
              name,
              Duration.between(coldStart, start),
              Duration.between(start, time.instant()),
              waves,
              0,
              0,
              0,
              0,
              counters.tokenRefreshes() - refreshes,
              counters.tokenRefusals(TokenGrant.Refused.ACCESS_DENIED) - denied,
              counters.errorAnswers("INVALID_TOKEN") - invalid,
              activity.failures() - failures,
              activity.runtimesWithSuccess(),
              allCancelled,
              settled));
    }

    private Duration lastFirstSuccess(Instant phaseStart) {
      Instant last = phaseStart;
      for (int i = 0; i < setup.runtimes(); i++) {
        Instant first = activity.firstSuccess(i);
        if (first != null && first.isAfter(last)) {
          last = first;
        }
      }
      return Duration.between(phaseStart, last);
    }
  }
}
