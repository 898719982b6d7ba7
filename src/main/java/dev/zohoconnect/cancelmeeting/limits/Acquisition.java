package dev.zohoconnect.cancelmeeting.limits;

import java.time.Duration;

/**
 * What {@link ConcurrencyGovernor#acquire} gives a job: a {@link Permit} to make its call, or the
 * reason it may not. Switch over it; the compiler checks that every case is handled.
 */
public sealed interface Acquisition
    permits Permit, Acquisition.DeadlineReached, Acquisition.Interrupted {

  /**
   * The org's calls stayed at their limit until the execution could no longer make its call before
   * its deadline. No call was made; hand the job back to Zeebe as a transient failure ({@code
   * ZOHO_CONCURRENCY_LIMIT_WAIT}).
   *
   * @param waited how long the job waited in line (zero when too little time was left to wait)
   * @param limit the org's limit in this runtime when the wait ended
   */
  record DeadlineReached(Duration waited, int limit) implements Acquisition {

    /** For the error message: what happened, without any key or credential. */
    public String describe() {
      return "waited %d ms for one of the %d concurrent calls this runtime may make to the Zoho org;"
              .formatted(waited.toMillis(), limit)
          + " the execution's deadline came first";
    }
  }

  /**
   * The thread was interrupted before or while waiting (the runtime is stopping). No call was made;
   * the thread's interrupt flag is still set.
   */
  record Interrupted() implements Acquisition {}
}
