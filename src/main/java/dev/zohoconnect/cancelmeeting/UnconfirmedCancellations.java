package dev.zohoconnect.cancelmeeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the tasks whose last execution failed transiently after its cancel request may have
 * reached Zoho (a timeout, a dropped connection, an unreadable answer). When Zeebe retries such a
 * task and Zoho answers "already cancelled", that cancellation is most likely the task's own, so the
 * task completes instead of failing with NOT_ALLOWED.
 *
 * <p>The memory is this runtime's: Zeebe gives the job's retry to any runtime polling its type, and
 * the job carries no trace of the earlier failure (the runtime's failure variables are not kept), so
 * with several runtimes a retry that lands elsewhere raises NOT_ALLOWED / ALREADY_CANCELLED. Most
 * lost answers never get that far: the next in-job attempt recognises them.
 */
final class UnconfirmedCancellations {

  private static final int MAX_ENTRIES = 100_000;
  /** Longer than any sensible sum of Zeebe retry backoffs. */
  private static final Duration MEMORY = Duration.ofHours(24);

  private final Clock clock;
  private final Map<String, Instant> since =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  UnconfirmedCancellations(Clock clock) {
    this.clock = clock;
  }

  synchronized void remember(String task) {
    since.put(task, clock.instant());
  }

  synchronized boolean contains(String task) {
    Instant at = since.get(task);
    return at != null && clock.instant().isBefore(at.plus(MEMORY));
  }

  synchronized void forget(String task) {
    since.remove(task);
  }
}
