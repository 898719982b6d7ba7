package dev.zohoconnect.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** The org's two API limits: calls in flight at once, and credits per rolling 24 hours. */
final class OrgLimits {

  private static final Duration CREDIT_WINDOW = Duration.ofHours(24);

  private final EmulatorSettings settings;
  private final EmulatorClock clock;
  private final EmulatorCounters counters;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Deque<Instant> creditsUsed = new ArrayDeque<>();

  OrgLimits(EmulatorSettings settings, EmulatorClock clock, EmulatorCounters counters) {
    this.settings = settings;
    this.clock = clock;
    this.counters = counters;
  }

  /**
   * Admits one more call unless the concurrency limit is reached; an admitted caller must {@link
   * #leave()}. Compare-and-set rather than increment-then-undo, so a rejected request never briefly
   * occupies a slot and causes a spurious rejection of another.
   */
  boolean tryEnter() {
    int limit = settings.concurrencyLimit();
    int current;
    do {
      current = inFlight.get();
      if (current >= limit) {
        return false;
      }
    } while (!inFlight.compareAndSet(current, current + 1));
    counters.observeInFlight(current + 1);
    return true;
  }

  void leave() {
    inFlight.decrementAndGet();
  }

  synchronized boolean tryConsumeCredit() {
    long limit = settings.dailyApiCredits();
    if (limit == EmulatorSettings.UNLIMITED) {
      return true;
    }
    Instant now = clock.instant();
    Instant windowStart = now.minus(CREDIT_WINDOW);
    while (!creditsUsed.isEmpty() && !creditsUsed.peekFirst().isAfter(windowStart)) {
      creditsUsed.removeFirst();
    }
    if (creditsUsed.size() >= limit) {
      return false;
    }
    creditsUsed.addLast(now);
    return true;
  }
}
