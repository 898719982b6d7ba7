package dev.zohoconnect.cancelmeeting.limits;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calls of one runtime to one Zoho org: how many are in flight, who waits for a slot and in
 * which order, and the {@link AdaptiveLimit} they share.
 *
 * <p>One {@link ReentrantLock} per org guards it all and is held only for a few field updates,
 * never across a call or a wait ({@link Condition#awaitNanos} releases it), so it neither pins a
 * virtual thread nor serialises calls to different orgs. Slots freed by a release go straight to
 * the longest waiting job: a job arriving later cannot take them first.
 *
 * <p>A 429 at a limit of 1, which cannot shrink any further, stops new calls for {@link
 * AdaptiveLimit.Tuning#pauseAfterRefusal()}, doubling with each refusal until Zoho answers again:
 * Zoho has just said the org is full, and without the pause the jobs queued behind the refused call
 * would each take its slot at once and collect a 429 in turn. Above 1 the halved limit holds them
 * back already; a pause there would leave the runtime's share of the org idle (measured: with four
 * runtimes sharing an org, pauses after every 429 kept them idle most of the time).
 */
final class OrgGate {

  /** A job waiting in line; fields guarded by the gate's lock. */
  private static final class Waiter {
    final Condition turn;
    final int maximum;
    boolean granted;
    long window;

    Waiter(Condition turn, int maximum) {
      this.turn = turn;
      this.maximum = maximum;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private final AdaptiveLimit limit;
  private final Clock clock;
  private final long pauseAfterRefusalMillis;
  private final long longestPauseMillis;
  private int inFlight;
  private long closedUntilMillis; // 0: open
  private int refusalsInARow;
  private long lastUsedMillis;
  private boolean retired;

  OrgGate(int maximum, AdaptiveLimit.Tuning tuning, Clock clock) {
    this.clock = clock;
    this.pauseAfterRefusalMillis = tuning.pauseAfterRefusal().toMillis();
    // At most eight first pauses (8 s by default): a job refused again and again within its
    // execution still gets its three attempts well inside its time budget, and a runtime that finds
    // no room spends a refused call every few seconds at most, not one per queued job.
    this.longestPauseMillis =
        Math.max(
            pauseAfterRefusalMillis,
            Math.min(8 * pauseAfterRefusalMillis, tuning.probeInterval().toMillis()));
    this.lastUsedMillis = clock.millis();
    this.limit = new AdaptiveLimit(maximum, tuning, lastUsedMillis);
  }

  /**
   * A permit, or why not; {@code null} when the gate was retired meanwhile and the caller must look
   * up the org's current gate.
   */
  Acquisition acquire(int maximum, Deadline deadline, Duration callTime) {
    lock.lock();
    try {
      if (retired) {
        return null;
      }
      limit.capAt(maximum);
      if (waiters.isEmpty() && inFlight < limit.value() && isOpen()) {
        inFlight++;
        return new Permit(this, limit.window(), inFlight >= limit.value(), maximum);
      }
      return awaitTurn(maximum, deadline, callTime);
    } finally {
      lock.unlock();
    }
  }

  private Acquisition awaitTurn(int maximum, Deadline deadline, Duration callTime) {
    Waiter waiter = new Waiter(lock.newCondition(), maximum);
    waiters.addLast(waiter);
    long startedMillis = clock.millis();
    while (!waiter.granted) {
      long nanos = nanosToWait(deadline, callTime);
      if (nanos <= 0) {
        leaveLine(waiter);
        return new Acquisition.DeadlineReached(
            Duration.ofMillis(Math.max(0, clock.millis() - startedMillis)), limit.value());
      }
      if (closedUntilMillis != 0) {
        // Nobody signals the end of a pause: wake up for it and admit whoever's turn it is.
        long pauseLeft = Math.max(1, closedUntilMillis - clock.millis());
        nanos = Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(pauseLeft));
      }
      try {
        waiter.turn.awaitNanos(nanos);
        admitWaiters();
      } catch (InterruptedException interrupted) {
        if (waiter.granted) {
          inFlight--; // granted in the same instant: pass the slot on unused
          admitWaiters();
        } else {
          leaveLine(waiter);
        }
        Thread.currentThread().interrupt();
        return new Acquisition.Interrupted();
      }
    }
    // A job that had to wait found every slot taken: the limit is in use.
    return new Permit(this, waiter.window, true, maximum);
  }

  private void leaveLine(Waiter waiter) {
    boolean wasHead = waiters.peekFirst() == waiter;
    waiters.remove(waiter);
    // It may have held back those behind it (a lower maximum of its own).
    admitWaiters();
    if (wasHead) {
      wakeHeadForPause();
    }
  }

  /**
   * During a pause, the first waiter must wake up when it ends: no release may come to admit it
   * (every call in flight can end within the pause), and it may have gone to sleep before the pause
   * began, without a time limit.
   */
  private void wakeHeadForPause() {
    if (closedUntilMillis != 0 && !waiters.isEmpty()) {
      waiters.peekFirst().turn.signal();
    }
  }

  void release(Permit permit, CallOutcome outcome) {
    long now = clock.millis();
    lock.lock();
    try {
      if (!permit.markReleased()) {
        return;
      }
      inFlight--;
      lastUsedMillis = now;
      switch (outcome) {
        case ANSWERED -> {
          refusalsInARow = 0;
          limit.onAnswered(permit.saturated(), permit.maximum(), now);
        }
        case TOO_MANY_REQUESTS -> {
          boolean couldNotShrink = limit.atFloor();
          if (limit.onRefused(permit.window(), now)) {
            refusalsInARow++;
          }
          if (couldNotShrink) {
            closedUntilMillis = Math.max(closedUntilMillis, now + pause());
            wakeHeadForPause();
          }
        }
        case NO_ANSWER -> {}
      }
      admitWaiters();
    } finally {
      lock.unlock();
    }
  }

  /** Hands free slots to the waiters at the head of the line, in order. */
  private void admitWaiters() {
    if (waiters.isEmpty() || !isOpen()) {
      return;
    }
    while (!waiters.isEmpty()) {
      Waiter next = waiters.peekFirst();
      if (inFlight >= Math.min(limit.value(), next.maximum)) {
        return;
      }
      waiters.pollFirst();
      inFlight++;
      next.granted = true;
      next.window = limit.window();
      next.turn.signal();
    }
  }

  /**
   * The pause after a refusal, doubled for each counted refusal since Zoho last answered: one burst
   * of 429s counts once, but a runtime refused again and again, even at a limit of 1, finds no room
   * at the org and should stop spending credits on trying.
   */
  private long pause() {
    int doublings = Math.min(Math.max(refusalsInARow - 1, 0), 20);
    return Math.min(pauseAfterRefusalMillis << doublings, longestPauseMillis);
  }

  /** Whether new calls may start: no pause after a refusal, or it is over. */
  private boolean isOpen() {
    if (closedUntilMillis == 0) {
      return true;
    }
    if (clock.millis() < closedUntilMillis) {
      return false;
    }
    closedUntilMillis = 0;
    return true;
  }

  /**
   * Takes the gate out of use if nothing happened on it since {@code cutoffMillis} and no call is
   * in flight or waiting; a job that still holds a reference then looks up a new gate.
   */
  boolean retireIfIdleSince(long cutoffMillis) {
    lock.lock();
    try {
      if (inFlight == 0 && waiters.isEmpty() && lastUsedMillis <= cutoffMillis) {
        retired = true;
      }
      return retired;
    } finally {
      lock.unlock();
    }
  }

  ConcurrencyGovernor.OrgState state() {
    lock.lock();
    try {
      return new ConcurrencyGovernor.OrgState(limit.value(), inFlight, waiters.size());
    } finally {
      lock.unlock();
    }
  }

  /** The time left to wait: until only {@code callTime} is left before the deadline. */
  private static long nanosToWait(Deadline deadline, Duration callTime) {
    Duration left = deadline.remaining().minus(callTime);
    if (left.isNegative() || left.isZero()) {
      return 0;
    }
    // Deadline.none() leaves centuries, beyond what a long holds in nanoseconds.
    return left.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1
        ? Long.MAX_VALUE
        : left.toNanos();
  }
}
