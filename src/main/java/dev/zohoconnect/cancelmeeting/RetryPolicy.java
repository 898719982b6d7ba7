package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.error.DefaultErrorExpression;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a transient failure again. A few quick attempts happen inside the job, with
 * exponential backoff and jitter so that many jobs failing together do not retry together; after
 * that the job is handed back to Zeebe with a longer backoff, which survives a runtime restart.
 *
 * @param maxAttempts calls per job execution, the first included
 * @param baseDelay the wait before the second attempt, doubled for each further one
 * @param maxDelay the longest wait between two in-job attempts
 * @param maxInJobRetryAfter a {@code Retry-After} longer than this is left to Zeebe's backoff
 * @param jobBackoff the backoff Zeebe waits before the next job retry
 * @param rateLimitJobBackoff the same after a rate limit, where retrying soon only prolongs it
 * @param minimumCallTime no further call is started in this execution unless at least this much of
 *     its time budget is left: a shorter call would mostly time out, and a timed-out call leaves
 *     the meeting's state unknown
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxInJobRetryAfter,
    Duration jobBackoff,
    Duration rateLimitJobBackoff,
    Duration minimumCallTime) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          3,
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          Duration.ofSeconds(15),
          DefaultErrorExpression.JOB_BACKOFF,
          Duration.ofSeconds(60),
          Duration.ofSeconds(2));

  /** Whether attempt number {@code nextAttempt} may run inside this job. */
  public boolean retryInJob(int nextAttempt, ZohoConnectorException failure) {
    return nextAttempt <= maxAttempts
        && failure.retryAfter().map(wait -> wait.compareTo(maxInJobRetryAfter) <= 0).orElse(true);
  }

  /** Whether {@code timeLeft} allows waiting {@code wait} and then making a call worth making. */
  public boolean leavesTimeForCall(Duration wait, Duration timeLeft) {
    return timeLeft.compareTo(wait.plus(minimumCallTime)) >= 0;
  }

  /** How long to wait before attempt {@code nextAttempt} (2 or more). */
  public Duration delayBefore(
      int nextAttempt, ZohoConnectorException failure, RandomGenerator random) {
    if (failure.retryAfter().isPresent()) {
      return failure.retryAfter().get();
    }
    long exponential = baseDelay.toMillis() << Math.min(nextAttempt - 2, 20);
    long capped = Math.min(exponential, maxDelay.toMillis());
    // "Equal jitter": at least half the backoff, so retries never bunch up at zero.
    return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
  }

  /** The backoff for Zeebe's next job retry once the in-job attempts are spent. */
  public Duration jobBackoff(ZohoConnectorException failure) {
    Duration base =
        ErrorCodes.isRateLimit(failure.getErrorCode()) ? rateLimitJobBackoff : jobBackoff;
    return failure.retryAfter().filter(wait -> wait.compareTo(base) > 0).orElse(base);
  }
}
