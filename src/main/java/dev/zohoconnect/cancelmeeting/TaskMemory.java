package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This runtime's memory of the cancel tasks it worked on, keyed by task (element instance) and
 * meeting, for when Zeebe hands the same job out again:
 *
 * <ul>
 *   <li>a <em>confirmed</em> cancellation, whose result is reported again without a call, for a job
 *       that comes back because its complete command never reached Zeebe (the gateway was
 *       unreachable, or the runtime stopped before sending it);
 *   <li>an <em>unconfirmed</em> one, whose request may have reached Zoho without its answer, so
 *       that Zoho's "already cancelled" completes the task.
 * </ul>
 *
 * <p>The job itself carries the unconfirmed case too (see {@link PriorExecution}); this memory
 * covers the engines and paths that drop it, and the confirmed case, which the job cannot carry. A
 * retry that lands on another runtime only has the job's record.
 */
final class TaskMemory {

  private static final int MAX_ENTRIES = 100_000;

  /** Longer than any sensible sum of Zeebe retry backoffs and job timeouts. */
  private static final Duration MEMORY = Duration.ofHours(24);

  private sealed interface Remembered {
    Instant since();
  }

  private record Confirmed(CancelMeetingResult result, Instant since) implements Remembered {}

  private record Unconfirmed(PriorExecution prior, Instant since) implements Remembered {}

  private final Clock clock;
  private final Map<String, Remembered> entries =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  TaskMemory(Clock clock) {
    this.clock = clock;
  }

  static String key(String task, String meetingId) {
    return task + "/" + meetingId;
  }

  synchronized Optional<CancelMeetingResult> confirmed(String key) {
    return fresh(key) instanceof Confirmed done ? Optional.of(done.result()) : Optional.empty();
  }

  synchronized PriorExecution unconfirmed(String key) {
    return fresh(key) instanceof Unconfirmed open ? open.prior() : PriorExecution.NONE;
  }

  synchronized void confirm(String key, CancelMeetingResult result) {
    entries.put(key, new Confirmed(result, clock.instant()));
  }

  synchronized void rememberUnconfirmed(String key, PriorExecution prior) {
    entries.put(key, new Unconfirmed(prior, clock.instant()));
  }

  private Remembered fresh(String key) {
    Remembered entry = entries.get(key);
    if (entry != null && !clock.instant().isBefore(entry.since().plus(MEMORY))) {
      entries.remove(key);
      return null;
    }
    return entry;
  }
}
