package dev.zohoconnect.cancelmeeting.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.limits.ConcurrencyGovernor.OrgState;
import dev.zohoconnect.cancelmeeting.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConcurrencyGovernorTest {

  private static final String ORG =
      "3f1c0a9e5b7d4c2f8a6e1b0d9c7f5a3e2b1d0c9f8e7a6b5c4d3e2f1a0b9c8d7e";
  private static final String OTHER_ORG =
      "0b9c8d7e3f1c0a9e5b7d4c2f8a6e1b0d9c7f5a3e2b1d0c9f8e7a6b5c4d3e2f1a";
  private static final int FREE = 5;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final ConcurrencyGovernor governor = governor(OptionalInt.empty(), clock);

  private static ConcurrencyGovernor governor(OptionalInt runtimeMaximum, Clock clock) {
    return new ConcurrencyGovernor(
        runtimeMaximum,
        clock,
        AdaptiveLimit.Tuning.DEFAULT.startingAtTheMaximum(),
        10_000,
        Duration.ofMinutes(15));
  }

  // --- the limit in flight

  @Test
  void grantsUpToTheEditionsLimitThenRefusesWhenNoTimeIsLeftToWait() {
    List<Permit> permits = new ArrayList<>();
    for (int i = 0; i < FREE; i++) {
      permits.add(granted(governor.acquire(ORG, FREE, noDeadline(), Duration.ZERO)));
    }
    assertThat(governor.state(ORG)).contains(new OrgState(FREE, FREE, 0));

    Acquisition sixth =
        governor.acquire(ORG, FREE, Deadline.after(Duration.ZERO, clock), Duration.ZERO);
    assertThat(sixth)
        .isInstanceOfSatisfying(
            Acquisition.DeadlineReached.class,
            late -> {
              assertThat(late.limit()).isEqualTo(FREE);
              assertThat(late.waited()).isZero();
              assertThat(late.describe()).contains("5 concurrent calls").doesNotContain(ORG);
            });
    assertThat(governor.state(ORG))
        .as("a refused job leaves the line")
        .contains(new OrgState(FREE, FREE, 0));

    permits.getFirst().release(CallOutcome.ANSWERED);
    assertThat(governor.acquire(ORG, FREE, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .isInstanceOf(Permit.class);
  }

  @Test
  void aJobThatCouldNotCallBeforeItsDeadlineDoesNotWait() {
    takeAll(ORG, FREE);
    // 20 s left, but the call needs 30 s: waiting could only end in a call cut short.
    Acquisition acquisition =
        governor.acquire(
            ORG, FREE, Deadline.after(Duration.ofSeconds(20), clock), Duration.ofSeconds(30));
    assertThat(acquisition).isInstanceOf(Acquisition.DeadlineReached.class);
  }

  @Test
  void neverMoreCallsInFlightThanTheMaximumWith64PlatformThreads() throws Exception {
    hammer(Executors.newFixedThreadPool(64), 64, 200, OptionalInt.empty(), FREE, FREE, 3);
  }

  @Test
  void neverMoreCallsInFlightThanTheMaximumWith500VirtualThreads() throws Exception {
    hammer(Executors.newVirtualThreadPerTaskExecutor(), 500, 20, OptionalInt.empty(), 10, 10, 3);
  }

  @Test
  void theRuntimeSettingLowersTheMaximumUnderLoad() throws Exception {
    hammer(Executors.newFixedThreadPool(64), 64, 100, OptionalInt.of(3), 25, 3, 0);
  }

  /**
   * Many threads acquire, "call" (a few spins while holding the permit) and release, a few per cent
   * of them as refused (which shrinks the limit and pauses the org while others wait) or without
   * answer; the number holding a permit at once never exceeds the maximum, and everything ends
   * released.
   */
  private static void hammer(
      ExecutorService threads,
      int tasks,
      int callsEach,
      OptionalInt runtimeMaximum,
      int edition,
      int expectedMaximum,
      int refusedPercent)
      throws Exception {
    // The rules 1000 times faster (1 ms steps and pauses), so the limit moves while threads wait.
    ConcurrencyGovernor governor =
        new ConcurrencyGovernor(
            runtimeMaximum,
            Clock.systemUTC(),
            AdaptiveLimit.Tuning.DEFAULT.startingAtTheMaximum().fasterBy(1000),
            10_000,
            Duration.ofMinutes(15));
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try (threads) {
      for (int t = 0; t < tasks; t++) {
        SplittableRandom random = new SplittableRandom(t);
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < callsEach; i++) {
                    Permit permit =
                        granted(
                            governor.acquire(
                                ORG, edition, Deadline.none(Clock.systemUTC()), Duration.ZERO));
                    try (permit) {
                      mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                      for (int spin = random.nextInt(200); spin > 0; spin--) {
                        Thread.onSpinWait();
                      }
                      if (random.nextInt(10) == 0) {
                        Thread.yield();
                      }
                      calls.incrementAndGet();
                      holding.decrementAndGet();
                      int roll = random.nextInt(100);
                      if (roll < refusedPercent) {
                        permit.release(CallOutcome.TOO_MANY_REQUESTS);
                      } else if (roll < 3 + refusedPercent) {
                        continue; // close() releases it as NO_ANSWER
                      } else {
                        permit.release(CallOutcome.ANSWERED);
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> task : done) {
        task.get(20, TimeUnit.SECONDS);
      }
    }
    assertThat(calls.get()).isEqualTo(tasks * callsEach);
    assertThat(mostHeld.get()).isLessThanOrEqualTo(expectedMaximum);
    if (refusedPercent == 0) {
      assertThat(mostHeld.get()).as("the threads did overlap").isEqualTo(expectedMaximum);
    }
    OrgState end = governor.state(ORG).orElseThrow();
    assertThat(end.inFlight()).isZero();
    assertThat(end.waiting()).isZero();
    assertThat(end.limit()).isBetween(1, expectedMaximum);
  }

  // --- fairness

  @Test
  void waitingJobsGetTheirSlotsInArrivalOrder() throws Exception {
    Permit holder = granted(governor.acquire(ORG, 1, noDeadline(), Duration.ZERO));
    List<Integer> order = new CopyOnWriteArrayList<>();
    List<Thread> jobs = new ArrayList<>();
    for (int job = 0; job < 8; job++) {
      int id = job;
      jobs.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    Permit permit = granted(governor.acquire(ORG, 1, noDeadline(), Duration.ZERO));
                    order.add(id);
                    permit.release(CallOutcome.ANSWERED);
                  }));
      awaitState(ORG, state -> state.waiting() == id + 1);
    }
    holder.release(CallOutcome.ANSWERED);
    for (Thread job : jobs) {
      job.join(10_000);
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aSlotFreedWhileJobsWaitGoesToTheFirstOfThemNotToWhoeverAsksNext() throws Exception {
    Permit first = granted(governor.acquire(ORG, 2, noDeadline(), Duration.ZERO));
    granted(governor.acquire(ORG, 2, noDeadline(), Duration.ZERO));
    AtomicReference<Acquisition> waiterGot = new AtomicReference<>();
    Thread waiter =
        Thread.ofPlatform()
            .start(() -> waiterGot.set(governor.acquire(ORG, 2, noDeadline(), Duration.ZERO)));
    awaitState(ORG, state -> state.waiting() == 1);

    first.release(CallOutcome.ANSWERED);
    // Whether or not the waiter has woken up yet, the slot is already its own.
    assertThat(governor.acquire(ORG, 2, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .isInstanceOf(Acquisition.DeadlineReached.class);
    waiter.join(10_000);
    assertThat(waiterGot.get()).isInstanceOf(Permit.class);
    assertThat(governor.state(ORG)).contains(new OrgState(2, 2, 0));
  }

  // --- deadline and interrupt

  @Test
  void aWaitEndsWhenOnlyTheCallsTimeIsLeftBeforeTheDeadline() {
    ConcurrencyGovernor realTime = governor(OptionalInt.empty(), Clock.systemUTC());
    granted(realTime.acquire(ORG, 1, Deadline.none(Clock.systemUTC()), Duration.ZERO));
    Deadline deadline = Deadline.after(Duration.ofMillis(700), Clock.systemUTC());
    long started = System.nanoTime();

    Acquisition late = realTime.acquire(ORG, 1, deadline, Duration.ofMillis(400));

    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(late).isInstanceOf(Acquisition.DeadlineReached.class);
    assertThat(waitedMillis).as("waited while a call could still fit").isGreaterThanOrEqualTo(250);
    assertThat(deadline.remaining())
        .as("gave up once the call no longer fitted")
        .isLessThanOrEqualTo(Duration.ofMillis(400));
    assertThat(((Acquisition.DeadlineReached) late).waited())
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(realTime.state(ORG)).contains(new OrgState(1, 1, 0));
  }

  @Test
  void aWaitingJobGetsTheSlotFreedBeforeItsDeadline() throws Exception {
    Permit holder = granted(governor.acquire(ORG, 1, noDeadline(), Duration.ZERO));
    AtomicReference<Acquisition> got = new AtomicReference<>();
    Thread waiter =
        Thread.ofPlatform()
            .start(
                () ->
                    got.set(
                        governor.acquire(
                            ORG,
                            1,
                            Deadline.after(Duration.ofMinutes(5), clock),
                            Duration.ofSeconds(40))));
    awaitState(ORG, state -> state.waiting() == 1);
    holder.release(CallOutcome.ANSWERED);
    waiter.join(10_000);
    assertThat(got.get()).isInstanceOf(Permit.class);
  }

  @Test
  void anInterruptedJobGetsNoPermitEvenWhenASlotIsFreeAndKeepsItsInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThat(governor.acquire(ORG, FREE, noDeadline(), Duration.ZERO))
          .isInstanceOf(Acquisition.Interrupted.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aJobInterruptedWhileWaitingLeavesTheLineKeepingItsInterrupt() throws Exception {
    Permit holder = granted(governor.acquire(ORG, 1, noDeadline(), Duration.ZERO));
    AtomicReference<Acquisition> got = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  got.set(governor.acquire(ORG, 1, noDeadline(), Duration.ZERO));
                  stillInterrupted.set(Thread.currentThread().isInterrupted());
                });
    awaitState(ORG, state -> state.waiting() == 1);

    waiter.interrupt();
    waiter.join(10_000);

    assertThat(got.get()).isInstanceOf(Acquisition.Interrupted.class);
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(governor.state(ORG)).contains(new OrgState(1, 1, 0));
    holder.release(CallOutcome.ANSWERED);
    assertThat(governor.state(ORG))
        .as("the slot is not lost to the job that left")
        .contains(new OrgState(1, 0, 0));
  }

  // --- release

  @Test
  void aPermitIsReleasedOnceHoweverOftenItIsReleasedOrClosed() {
    Permit first = granted(governor.acquire(ORG, FREE, noDeadline(), Duration.ZERO));
    granted(governor.acquire(ORG, FREE, noDeadline(), Duration.ZERO));

    first.release(CallOutcome.ANSWERED);
    first.release(CallOutcome.ANSWERED);
    first.close();
    first.release(CallOutcome.TOO_MANY_REQUESTS);

    assertThat(governor.state(ORG)).contains(new OrgState(FREE, 1, 0));
  }

  @Test
  void closingAPermitWithoutAnOutcomeFreesTheSlotAndLeavesTheLimitAlone() {
    Permit[] all = takeAll(ORG, FREE);
    for (Permit permit : all) {
      permit.close();
    }
    assertThat(governor.state(ORG)).contains(new OrgState(FREE, 0, 0));
  }

  // --- adaptive limit

  @Test
  void aTooManyRequestsShrinksTheLimitOnceForTheCallsOfOneBurst() {
    Permit[] burst = takeAll(ORG, 10);
    for (Permit permit : burst) {
      permit.release(CallOutcome.TOO_MANY_REQUESTS);
    }
    assertThat(governor.state(ORG)).contains(new OrgState(5, 0, 0));

    clock.advance(Duration.ofSeconds(1));
    takeAll(ORG, 10);
    assertThat(governor.acquire(ORG, 10, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .as("the sixth call waits")
        .isInstanceOf(Acquisition.DeadlineReached.class);
  }

  @Test
  void aTooManyRequestsAboveALimitOfOneShrinksTheLimitWithoutAPause() {
    Permit[] all = takeAll(ORG, FREE);
    all[0].release(CallOutcome.TOO_MANY_REQUESTS);
    for (int i = 1; i < all.length; i++) {
      all[i].release(CallOutcome.ANSWERED);
    }
    assertThat(governor.state(ORG)).contains(new OrgState(2, 0, 0));
    assertThat(takeAll(ORG, FREE)).as("the halved limit, at once").hasSize(2);
  }

  @Test
  void aTooManyRequestsAtALimitOfOneStopsNewCallsForASecond() {
    granted(governor.acquire(ORG, 1, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .release(CallOutcome.TOO_MANY_REQUESTS);
    assertThat(governor.acquire(ORG, 1, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .as("a free slot, but Zoho has just said the org is full and the limit cannot shrink")
        .isInstanceOf(Acquisition.DeadlineReached.class);

    clock.advance(Duration.ofMillis(999));
    assertThat(takeAll(ORG, 1)).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(takeAll(ORG, 1)).hasSize(1);
  }

  @Test
  void refusedAgainAndAgainThePauseDoublesUpTo8SecondsUntilZohoAnswers() {
    List<Long> pauses = new ArrayList<>();
    for (int refusal = 0; refusal < 7; refusal++) {
      granted(governor.acquire(ORG, 1, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
          .release(CallOutcome.TOO_MANY_REQUESTS);
      pauses.add(millisUntilOpen(ORG));
    }
    assertThat(pauses).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 8_000L, 8_000L, 8_000L);

    granted(governor.acquire(ORG, 1, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .release(CallOutcome.ANSWERED);
    granted(governor.acquire(ORG, 1, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .release(CallOutcome.TOO_MANY_REQUESTS);
    assertThat(millisUntilOpen(ORG)).as("an answer starts the count afresh").isEqualTo(1_000L);
  }

  /** Moves the clock a millisecond at a time until a call may start again; how long that took. */
  private long millisUntilOpen(String org) {
    long waited = 0;
    while (!(governor.acquire(org, 1, Deadline.after(Duration.ZERO, clock), Duration.ZERO)
        instanceof Permit permit)) {
      clock.advance(Duration.ofMillis(1));
      waited++;
    }
    permit.close();
    return waited;
  }

  @Test
  void jobsWaitingOutThePauseGoInOrderWhenItEndsWithoutAnyRelease() throws Exception {
    Clock real = Clock.systemUTC();
    ConcurrencyGovernor paused = pausingFor(Duration.ofMillis(300));
    granted(paused.acquire(ORG, 1, Deadline.none(real), Duration.ZERO))
        .release(CallOutcome.TOO_MANY_REQUESTS);
    long refusedAt = System.nanoTime();
    List<Integer> order = new CopyOnWriteArrayList<>();
    List<Thread> jobs = new ArrayList<>();
    for (int job = 0; job < 3; job++) {
      int id = job;
      jobs.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    Permit permit =
                        granted(
                            paused.acquire(
                                ORG,
                                1,
                                Deadline.after(Duration.ofSeconds(20), real),
                                Duration.ZERO));
                    order.add(id);
                    permit.release(CallOutcome.ANSWERED);
                  }));
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (paused.state(ORG).orElseThrow().waiting() < id + 1
          && order.isEmpty()
          && System.nanoTime() < giveUp) {
        Thread.sleep(1);
      }
    }
    for (Thread job : jobs) {
      job.join(10_000);
    }
    assertThat(order).containsExactly(0, 1, 2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - refusedAt))
        .isGreaterThanOrEqualTo(290);
  }

  /**
   * The job went to sleep without a time limit before the 429 closed the org, and the refused call
   * was the last in flight: no release will come to admit it, so the pause must wake it.
   */
  @Test
  void aJobWaitingSinceBeforeARefusalIsAdmittedWhenThePauseEnds() throws Exception {
    ConcurrencyGovernor paused = pausingFor(Duration.ofMillis(200));
    Permit last = granted(paused.acquire(ORG, 1, Deadline.none(Clock.systemUTC()), Duration.ZERO));
    AtomicReference<Acquisition> got = new AtomicReference<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () ->
                    got.set(
                        paused.acquire(ORG, 1, Deadline.none(Clock.systemUTC()), Duration.ZERO)));
    awaitState(paused, ORG, state -> state.waiting() == 1);

    last.release(CallOutcome.TOO_MANY_REQUESTS);
    waiter.join(5_000);

    assertThat(got.get()).as("admitted once the pause is over").isInstanceOf(Permit.class);
  }

  /**
   * The same when the first in line leaves during the pause: the next one must wake for its end.
   */
  @Test
  void whenTheFirstInLineLeavesDuringThePauseTheNextIsAdmittedWhenItEnds() throws Exception {
    ConcurrencyGovernor paused = pausingFor(Duration.ofMillis(300));
    Permit last = granted(paused.acquire(ORG, 1, Deadline.none(Clock.systemUTC()), Duration.ZERO));
    AtomicReference<Acquisition> firstGot = new AtomicReference<>();
    AtomicReference<Acquisition> secondGot = new AtomicReference<>();
    Thread first =
        Thread.ofVirtual()
            .start(
                () -> {
                  firstGot.set(
                      paused.acquire(ORG, 1, Deadline.none(Clock.systemUTC()), Duration.ZERO));
                  if (firstGot.get() instanceof Permit late) {
                    late.release(
                        CallOutcome
                            .ANSWERED); // the interrupt came after the pause: pass the slot on
                  }
                });
    awaitState(paused, ORG, state -> state.waiting() == 1);
    Thread second =
        Thread.ofVirtual()
            .start(
                () ->
                    secondGot.set(
                        paused.acquire(ORG, 1, Deadline.none(Clock.systemUTC()), Duration.ZERO)));
    awaitState(paused, ORG, state -> state.waiting() == 2);

    last.release(CallOutcome.TOO_MANY_REQUESTS);
    first.interrupt();
    first.join(5_000);
    second.join(5_000);

    assertThat(secondGot.get()).as("admitted once the pause is over").isInstanceOf(Permit.class);
  }

  @Test
  void theLimitGrowsBackWhileCallsAreAnsweredAtTheLimit() {
    for (Permit permit : takeAll(ORG, 10)) {
      permit.release(CallOutcome.TOO_MANY_REQUESTS);
    }
    List<Integer> limits = new ArrayList<>();
    for (int second = 1; second <= 40; second++) {
      clock.advance(Duration.ofSeconds(1));
      busySecond(governor, ORG, 10);
      limits.add(governor.state(ORG).orElseThrow().limit());
    }
    assertThat(limits.subList(0, 5))
        .as("one step a second below the refused level")
        .containsExactly(6, 7, 8, 9, 9);
    assertThat(limits.get(32))
        .as("the refused level waits for a probe, 30 s after the last step")
        .isEqualTo(9);
    assertThat(limits.get(33)).isEqualTo(10);
    assertThat(limits.getLast()).as("never above the edition").isEqualTo(10);
  }

  @Test
  void aLimitNobodyReachesDoesNotGrow() {
    for (Permit permit : takeAll(ORG, 10)) {
      permit.release(CallOutcome.TOO_MANY_REQUESTS);
    }
    for (int second = 0; second < 60; second++) {
      clock.advance(Duration.ofSeconds(1));
      for (int call = 0; call < 20; call++) {
        Permit one = granted(governor.acquire(ORG, 10, noDeadline(), Duration.ZERO));
        Permit two = granted(governor.acquire(ORG, 10, noDeadline(), Duration.ZERO));
        one.release(CallOutcome.ANSWERED);
        two.release(CallOutcome.ANSWERED);
      }
    }
    assertThat(governor.state(ORG).orElseThrow().limit())
        .as("two calls at a time never fill 5")
        .isEqualTo(5);
  }

  @Test
  void callsWithoutAnswerNeitherShrinkNorGrowTheLimit() {
    for (Permit permit : takeAll(ORG, 10)) {
      permit.release(CallOutcome.TOO_MANY_REQUESTS);
    }
    for (int second = 0; second < 10; second++) {
      clock.advance(Duration.ofSeconds(1));
      for (Permit permit : takeAll(ORG, 10)) {
        permit.release(CallOutcome.NO_ANSWER);
      }
    }
    assertThat(governor.state(ORG).orElseThrow().limit()).isEqualTo(5);
  }

  // --- maximum: edition and runtime setting

  @Test
  void theRuntimeSettingLowersTheEditionsLimit() {
    ConcurrencyGovernor lowered = governor(OptionalInt.of(3), clock);
    takeAll(lowered, ORG, FREE);
    assertThat(lowered.state(ORG)).contains(new OrgState(3, 3, 0));
  }

  @Test
  void theRuntimeSettingNeverRaisesTheEditionsLimit() {
    ConcurrencyGovernor high = governor(OptionalInt.of(20), clock);
    for (int second = 0; second < 120; second++) {
      clock.advance(Duration.ofSeconds(1));
      busySecond(high, ORG, FREE);
    }
    assertThat(high.state(ORG))
        .as("however long calls succeed at the limit")
        .contains(new OrgState(FREE, 0, 0));
  }

  @Test
  void aJobNamingASmallerEditionLowersTheOrgsLimit() {
    takeAll(ORG, 10);
    assertThat(governor.acquire(ORG, FREE, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .isInstanceOf(Acquisition.DeadlineReached.class);
    assertThat(governor.state(ORG).orElseThrow().limit()).isEqualTo(FREE);
  }

  // --- orgs

  @Test
  void eachOrgHasItsOwnLimit() {
    Permit[] full = takeAll(ORG, FREE);
    assertThat(
            governor.acquire(OTHER_ORG, FREE, Deadline.after(Duration.ZERO, clock), Duration.ZERO))
        .as("another org's slots are free")
        .isInstanceOf(Permit.class);
    for (Permit permit : full) {
      permit.release(CallOutcome.TOO_MANY_REQUESTS);
    }
    assertThat(governor.state(ORG).orElseThrow().limit()).isEqualTo(2);
    assertThat(governor.state(OTHER_ORG).orElseThrow().limit()).isEqualTo(FREE);
  }

  @Test
  void orgsWithoutCallsForTheIdlePeriodAreForgotten() {
    for (Permit permit : takeAll(ORG, 10)) {
      permit.release(CallOutcome.TOO_MANY_REQUESTS);
    }
    granted(governor.acquire(OTHER_ORG, FREE, noDeadline(), Duration.ZERO)); // still in flight

    clock.advance(Duration.ofMinutes(16));
    granted(governor.acquire("a-third-org", FREE, noDeadline(), Duration.ZERO)).close();

    assertThat(governor.state(ORG)).as("idle: forgotten").isEmpty();
    assertThat(governor.state(OTHER_ORG))
        .as("a call in flight: kept")
        .contains(new OrgState(FREE, 1, 0));
    assertThat(governor.orgsTracked()).isEqualTo(2);
    takeAll(ORG, 10);
    assertThat(governor.state(ORG).orElseThrow().limit())
        .as("starts again from the edition")
        .isEqualTo(10);
  }

  @Test
  void theNumberOfOrgsKeptIsBoundedButOrgsWithCallsInFlightAreNeverDropped() {
    ConcurrencyGovernor small =
        new ConcurrencyGovernor(
            OptionalInt.empty(),
            clock,
            AdaptiveLimit.Tuning.DEFAULT.startingAtTheMaximum(),
            100,
            Duration.ofMinutes(15));
    Permit busy = granted(small.acquire(ORG, FREE, noDeadline(), Duration.ZERO));
    int most = 0;
    for (int org = 0; org < 5_000; org++) {
      granted(small.acquire("org-" + org, FREE, noDeadline(), Duration.ZERO))
          .release(CallOutcome.ANSWERED);
      most = Math.max(most, small.orgsTracked());
    }
    assertThat(most).isLessThanOrEqualTo(100);
    assertThat(small.state(ORG)).contains(new OrgState(FREE, 1, 0));
    busy.release(CallOutcome.ANSWERED);
    assertThat(small.state(ORG)).contains(new OrgState(FREE, 0, 0));
  }

  // --- helpers

  private Deadline noDeadline() {
    return Deadline.none(clock);
  }

  private Permit[] takeAll(String org, int maximum) {
    return takeAll(governor, org, maximum);
  }

  /** Takes every free slot of the org, stopping at the first job that would have to wait. */
  private Permit[] takeAll(ConcurrencyGovernor governor, String org, int maximum) {
    List<Permit> permits = new ArrayList<>();
    while (governor.acquire(org, maximum, Deadline.after(Duration.ZERO, clock), Duration.ZERO)
        instanceof Permit permit) {
      permits.add(permit);
    }
    return permits.toArray(Permit[]::new);
  }

  /**
   * A second of demand above the limit: every answered call's slot is taken again at once, as by
   * jobs waiting for it, so each call is granted with every slot in use.
   */
  private void busySecond(ConcurrencyGovernor governor, String org, int maximum) {
    ArrayDeque<Permit> inFlight = new ArrayDeque<>(List.of(takeAll(governor, org, maximum)));
    for (int call = 0; call < 30; call++) {
      inFlight.removeFirst().release(CallOutcome.ANSWERED);
      inFlight.addAll(List.of(takeAll(governor, org, maximum)));
    }
    inFlight.forEach(permit -> permit.release(CallOutcome.ANSWERED));
  }

  private static Permit granted(Acquisition acquisition) {
    assertThat(acquisition).isInstanceOf(Permit.class);
    return (Permit) acquisition;
  }

  /** The default rules on the real clock, with another pause after a refusal. */
  private static ConcurrencyGovernor pausingFor(Duration pause) {
    AdaptiveLimit.Tuning tuning = AdaptiveLimit.Tuning.DEFAULT.startingAtTheMaximum();
    return new ConcurrencyGovernor(
        OptionalInt.empty(),
        Clock.systemUTC(),
        new AdaptiveLimit.Tuning(
            tuning.backoffRatio(), tuning.growthInterval(), tuning.probeInterval(), pause, false),
        10_000,
        Duration.ofMinutes(15));
  }

  private void awaitState(String org, Predicate<OrgState> reached) throws InterruptedException {
    awaitState(governor, org, reached);
  }

  /** Synchronisation, not an assertion: waits until the other threads have reached a state. */
  private static void awaitState(
      ConcurrencyGovernor governor, String org, Predicate<OrgState> reached)
      throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!governor.state(org).map(reached::test).orElse(false)) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("state not reached: " + governor.state(org));
      }
      Thread.sleep(1);
    }
  }
}
