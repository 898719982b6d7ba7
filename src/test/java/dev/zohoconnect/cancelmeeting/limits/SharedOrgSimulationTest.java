package dev.zohoconnect.cancelmeeting.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several runtimes that know nothing of each other, each with its own governor and many jobs, call
 * one Zoho org that answers 429 beyond its limit. After a warm-up their calls converge on the org's
 * limit: few refusals, the calls out at once close to the limit on average and never far above it.
 *
 * <p>Everything runs 25 times faster than in production: the governors' rules (one step per 40 ms
 * instead of a second, a probe every 1.2 s instead of 30 s, a pause of 40 ms after a refusal),
 * Zoho's calls (60 to 160 ms at Zoho plus a 20 to 60 ms round trip, here 3.2 to 8.8 ms in all) and
 * a refused job's backoff before it tries again (250 to 500 ms, as the connector's). Each case runs
 * a 25 s warm-up and 40 s of steady load, in 2.6 s. The round trip matters: Zoho frees a slot a
 * little before the runtime that held it sends its next call, and that gap is where another
 * runtime's call gets in, so the runtimes' shares can even out.
 *
 * <p>Shares between the runtimes are printed, not asserted: they even out only slowly, as each
 * runtime's probes are refused or not (in our runs the largest was up to 5 times the smallest), and
 * a runtime whose jobs never fill its limit is never refused, so it keeps the slots it uses.
 */
@Timeout(60)
class SharedOrgSimulationTest {

  private static final int FASTER = 25;
  private static final AdaptiveLimit.Tuning TUNING = AdaptiveLimit.Tuning.DEFAULT.fasterBy(FASTER);
  private static final Duration WARM_UP = Duration.ofSeconds(25).dividedBy(FASTER);
  private static final Duration STEADY = Duration.ofSeconds(40).dividedBy(FASTER);
  private static final String ORG =
      "9d2f7c1a0e4b8f3d6c5a2e1b0f9d8c7a6e5b4c3d2f1e0a9b8c7d6e5f4a3b2c1d";

  /** The org: admits a call while fewer than its limit are in flight. */
  private static final class FakeOrg {
    final int limit;
    final AtomicInteger inFlight = new AtomicInteger();

    FakeOrg(int limit) {
      this.limit = limit;
    }

    boolean tryEnter() {
      int current;
      do {
        current = inFlight.get();
        if (current >= limit) {
          return false;
        }
      } while (!inFlight.compareAndSet(current, current + 1));
      return true;
    }

    void leave() {
      inFlight.decrementAndGet();
    }
  }

  /** What the runtimes did after the warm-up. */
  private static final class Tally {
    final AtomicLong calls = new AtomicLong();
    final Map<ConcurrencyGovernor, AtomicLong> answeredBy = new ConcurrentHashMap<>();
    final AtomicLong refused = new AtomicLong();
    final AtomicInteger offered = new AtomicInteger();
    final AtomicInteger mostOffered = new AtomicInteger();
    final AtomicInteger mostAllowed = new AtomicInteger();
    final AtomicLong offeredSamples = new AtomicLong();
    final AtomicLong busySamples = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    volatile boolean counting;

    /** Until the warm-up is over, no end: a slow start must not eat into the counted phase. */
    volatile long endNanos = Long.MAX_VALUE;

    boolean running() {
      return System.nanoTime() < endNanos;
    }
  }

  @ParameterizedTest(name = "{0} runtimes x {1} jobs, org limit {2}, template edition {3}")
  @CsvSource({"3, 16, 10, 10", "2, 16, 5, 10", "4, 12, 25, 25"})
  void runtimesSharingAnOrgConvergeBelowItsLimit(
      int runtimes, int jobsEach, int orgLimit, int edition) throws Exception {
    Clock clock = Clock.systemUTC();
    FakeOrg org = new FakeOrg(orgLimit);
    Tally tally = new Tally();
    List<Thread> threads = new ArrayList<>();
    List<ConcurrencyGovernor> governors = new ArrayList<>();

    for (int runtime = 0; runtime < runtimes; runtime++) {
      ConcurrencyGovernor governor =
          new ConcurrencyGovernor(
              OptionalInt.empty(), clock, TUNING, 10_000, Duration.ofMinutes(15));
      governors.add(governor);
      for (int job = 0; job < jobsEach; job++) {
        threads.add(Thread.ofVirtual().start(() -> runJobs(governor, clock, org, tally, edition)));
      }
    }
    threads.add(Thread.ofPlatform().daemon().start(() -> sample(org, governors, jobsEach, tally)));
    sleep(WARM_UP);
    tally.counting = true;
    tally.endNanos = System.nanoTime() + STEADY.toNanos();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    double refusedShare = (double) tally.refused.get() / tally.calls.get();
    double meanOffered = (double) tally.offeredSamples.get() / tally.samples.get();
    double meanBusy = (double) tally.busySamples.get() / tally.samples.get();
    System.out.printf(
        "%d runtimes x %d jobs, org limit %d, edition %d: after warm-up %d calls, %d refused (%.2f %%);"
            + " calls out %.1f on average, at most %d; busy at the org %.1f on average; the runtimes'"
            + " limits allowed at most %d at once, %s at the end; calls answered per runtime %s%n",
        runtimes,
        jobsEach,
        orgLimit,
        edition,
        tally.calls.get(),
        tally.refused.get(),
        100 * refusedShare,
        meanOffered,
        tally.mostOffered.get(),
        meanBusy,
        tally.mostAllowed.get(),
        governors.stream().map(g -> g.state(ORG).orElseThrow().limit()).toList(),
        governors.stream().map(g -> answered(tally, g)).toList());

    // Refusals come about once per probe interval and runtime, whatever the load; calls fewer on a
    // loaded machine (sleeps overrun). With each runtime's limit fixed at the edition, 17 to 61 %.
    assertThat(tally.calls.get()).as("calls after the warm-up").isGreaterThan(200);
    assertThat(refusedShare)
        .as("share of calls refused with 429 after the warm-up")
        .isLessThan(0.03);
    assertThat(meanOffered)
        .as("calls out at once, on average")
        .isBetween(0.75 * orgLimit, orgLimit + 1.0);
    assertThat(tally.mostOffered.get())
        .as("calls out at once, at most")
        .isLessThanOrEqualTo(orgLimit + 2 * runtimes);
  }

  private static long answered(Tally tally, ConcurrencyGovernor governor) {
    AtomicLong answered = tally.answeredBy.get(governor);
    return answered == null ? 0 : answered.get();
  }

  private static void runJobs(
      ConcurrencyGovernor governor, Clock clock, FakeOrg org, Tally tally, int edition) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (tally.running()) {
      Acquisition acquisition = governor.acquire(ORG, edition, Deadline.none(clock), Duration.ZERO);
      if (!(acquisition instanceof Permit permit)) {
        throw new AssertionError("no permit without a deadline: " + acquisition);
      }
      boolean counting = tally.counting;
      if (counting) {
        tally.mostOffered.accumulateAndGet(tally.offered.incrementAndGet(), Math::max);
      }
      // Half a round trip to Zoho, the work there, half a round trip back: Zoho frees the slot a
      // little before the runtime learns of it and sends the next call.
      Duration halfTrip = Duration.ofMillis(10 + random.nextInt(21)).dividedBy(FASTER);
      sleep(halfTrip);
      boolean admitted = org.tryEnter();
      if (admitted) {
        sleep(Duration.ofMillis(60 + random.nextInt(101)).dividedBy(FASTER));
        org.leave();
      }
      sleep(halfTrip);
      if (counting) {
        tally.offered.decrementAndGet();
        tally.calls.incrementAndGet();
        if (!admitted) {
          tally.refused.incrementAndGet();
        } else {
          tally.answeredBy.computeIfAbsent(governor, g -> new AtomicLong()).incrementAndGet();
        }
      }
      permit.release(admitted ? CallOutcome.ANSWERED : CallOutcome.TOO_MANY_REQUESTS);
      if (!admitted) {
        sleep(Duration.ofMillis(250 + random.nextInt(251)).dividedBy(FASTER));
      }
    }
  }

  /**
   * Every millisecond: the calls in flight at the org, and how many the runtimes would let their
   * jobs make at once (each runtime's limit, or its number of jobs if fewer).
   */
  private static void sample(
      FakeOrg org, List<ConcurrencyGovernor> governors, int jobsEach, Tally tally) {
    while (tally.running()) {
      if (tally.counting) {
        tally.busySamples.addAndGet(org.inFlight.get());
        tally.offeredSamples.addAndGet(tally.offered.get());
        tally.samples.incrementAndGet();
        int allowed = 0;
        for (ConcurrencyGovernor governor : governors) {
          allowed +=
              Math.min(
                  jobsEach, governor.state(ORG).map(ConcurrencyGovernor.OrgState::limit).orElse(0));
        }
        tally.mostAllowed.accumulateAndGet(allowed, Math::max);
      }
      sleep(Duration.ofMillis(1));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
