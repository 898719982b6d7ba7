package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.OrgLimitRun.Outcome;
import dev.zohoconnect.benchmark.OrgLimitRun.Setup;
import dev.zohoconnect.benchmark.OrgLimitRun.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * Section "limits": throughput against Zoho's concurrency limit. For every number of runtimes,
 * first the engine's own ceiling (the same runtimes, threads and latency against an org without a
 * concurrency limit: what this setup manages at best on this machine), then every org limit with
 * this connector (edition left at its default, and set to the org's) and with the REST connector.
 */
final class OrgLimitSection {

  /**
   * @param engineCeilings this connector against an org without a limit, per number of runtimes
   */
  record Result(List<Outcome> engineCeilings, List<Outcome> runs, SectionRun run) {}

  private OrgLimitSection() {}

  static Result run(Settings settings) throws InterruptedException {
    SectionRun.Started section = SectionRun.start(Settings.LIMITS);
    int threads = settings.limitsThreads();
    // The first runs in a JVM pay for compiling the engine, the runtime and the connectors.
    BenchmarkSuite.log("limits: warm-up (discarded)");
    OrgLimitRun.run(
        new Setup(
            Side.CONNECTOR, OrgLimitRun.UNLIMITED, 0, 1, threads, settings.quick() ? 50 : 200));

    List<Side> sides = List.of(Side.values());
    List<Outcome> ceilings = new ArrayList<>();
    List<Outcome> runs = new ArrayList<>();
    // Each ceiling right before the runs it belongs to: the machine's other load changes by the
    // minute.
    for (int runtimes : settings.limitsRuntimes()) {
      Setup ceiling =
          new Setup(
              Side.CONNECTOR,
              OrgLimitRun.UNLIMITED,
              settings.limitsLatencyMs(),
              runtimes,
              threads,
              settings.limitsInstances(settings.limitsOrgLimits().getLast(), runtimes));
      BenchmarkSuite.log("limits: engine ceiling (no org limit), " + runtimes + " runtime(s)");
      ceilings.add(logged(OrgLimitRun.run(ceiling)));
      for (int orgLimit : settings.limitsOrgLimits()) {
        for (Side side : sides) {
          Setup setup =
              new Setup(
                  side,
                  orgLimit,
                  settings.limitsLatencyMs(),
                  runtimes,
                  threads,
                  settings.limitsInstances(orgLimit, runtimes));
          BenchmarkSuite.log(
              "limits: "
                  + side.label
                  + ", org limit "
                  + orgLimit
                  + ", "
                  + runtimes
                  + " runtime(s), "
                  + setup.instances()
                  + " instances");
          runs.add(logged(OrgLimitRun.run(setup)));
        }
      }
    }
    return new Result(ceilings, runs, section.stop());
  }

  private static Outcome logged(Outcome o) {
    BenchmarkSuite.log("   " + summary(o));
    return o;
  }

  private static String summary(Outcome o) {
    return String.format(
        java.util.Locale.ROOT,
        "%.1f cancellations/s steady, %.1f whole burst, %d completed, %d failed, %d not ended, %d 429 of %d calls,"
            + " %d at most in flight",
        o.steadyRate(),
        o.rate(),
        o.completed(),
        o.failed(),
        o.notEnded(),
        o.tooManyRequests(),
        o.apiCalls(),
        o.maxArrived());
  }
}
