package dev.zohoconnect.cancelmeeting.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moment by which one execution of a job must have ended. Every wait and every call of the
 * execution is bounded by it, so the execution ends before Zeebe could hand the same job to a
 * second execution.
 */
public final class Deadline {

  private final Clock clock;
  private final Instant at;

  private Deadline(Clock clock, Instant at) {
    this.clock = clock;
    this.at = at;
  }

  public static Deadline after(Duration budget, Clock clock) {
    return new Deadline(clock, clock.instant().plus(budget));
  }

  /** A deadline that never comes; for callers outside a job (tests, tools). */
  public static Deadline none(Clock clock) {
    return new Deadline(clock, Instant.MAX);
  }

  /** Time left, never negative. */
  public Duration remaining() {
    Instant now = clock.instant();
    return now.isBefore(at) ? Duration.between(now, at) : Duration.ZERO;
  }

  public boolean hasPassed() {
    return !clock.instant().isBefore(at);
  }

  /** Whether at least {@code time} is left. */
  public boolean leaves(Duration time) {
    return remaining().compareTo(time) >= 0;
  }

  /** {@code time}, or the time left if that is shorter. */
  public Duration atMost(Duration time) {
    Duration left = remaining();
    return left.compareTo(time) < 0 ? left : time;
  }

  public Instant instant() {
    return at;
  }

  @Override
  public String toString() {
    return "Deadline[" + at + "]";
  }
}
