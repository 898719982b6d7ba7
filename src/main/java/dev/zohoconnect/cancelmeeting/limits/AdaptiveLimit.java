package dev.zohoconnect.cancelmeeting.limits;

import java.time.Duration;

/**
 * The number of calls one runtime lets itself have in flight to one Zoho org, learnt from Zoho's
 * answers by additive increase and multiplicative decrease (AIMD). {@link ConcurrencyGovernor}
 * explains why AIMD; this class holds the rules, which are:
 *
 * <ul>
 *   <li><b>Decrease.</b> A 429 for a call granted under the current limit halves it (at least by
 *       one, never below 1) and remembers the level that was refused. Further 429s for calls
 *       granted before that decrease do not shrink it again: they were sent under the old limit,
 *       which the decrease already answered (TCP's "one reduction per window"). Without that rule
 *       one burst of refusals would drive the limit to 1.
 *   <li><b>Increase.</b> One step at a time, only when the limit is actually used (at least as many
 *       answered calls, each granted with every slot taken, as the limit itself since the last
 *       change): a limit nobody reaches proves nothing and would only let a later burst overshoot.
 *       Below the last refused level, one step per {@link Tuning#growthInterval()}; at and above
 *       it, where Zoho refused before, one cautious step per {@link Tuning#probeInterval()}.
 *   <li><b>Start.</b> A new limit starts at 1 and, until Zoho first refuses, grows by one with
 *       every round of answered calls, without waiting for the growth interval (a round: as many
 *       answered calls, each granted with every slot taken, as the limit). One runtime reaches its
 *       edition's maximum within that many call times; several runtimes that start together
 *       overshoot the org's limit by about one call each, instead of each sending its whole maximum
 *       at once into an org that others already fill.
 *   <li>Never above the edition's maximum, never below 1. A call without an answer changes nothing.
 * </ul>
 *
 * <p>Not thread-safe: its {@link OrgGate} calls it under the gate's lock. Time is the injected
 * clock's, in milliseconds.
 */
final class AdaptiveLimit {

  /**
   * How fast the limit moves.
   *
   * @param backoffRatio the share of the limit kept after a refusal, above 0 and below 1
   * @param growthInterval the least time between two increases below the last refused level
   * @param probeInterval the least time between two increases at or above it
   * @param pauseAfterRefusal how long no new call starts after a refusal at a limit of 1 ({@link
   *     OrgGate}), doubled for each further refusal without an answer in between, up to eight times
   *     itself (and never beyond {@code probeInterval})
   * @param warmUp whether a new limit starts at 1 and grows a step per round until the first
   *     refusal ("Start" above); without, it starts at the maximum
   */
  record Tuning(
      double backoffRatio,
      Duration growthInterval,
      Duration probeInterval,
      Duration pauseAfterRefusal,
      boolean warmUp) {

    Tuning(
        double backoffRatio,
        Duration growthInterval,
        Duration probeInterval,
        Duration pauseAfterRefusal) {
      this(backoffRatio, growthInterval, probeInterval, pauseAfterRefusal, true);
    }

    /** The same rules for a limit that starts at its maximum, with no warm-up. */
    Tuning startingAtTheMaximum() {
      return new Tuning(backoffRatio, growthInterval, probeInterval, pauseAfterRefusal, false);
    }

    /**
     * Halving: several runtimes that overshoot together are back under the org's limit after one or
     * two refusals each. One step a second regains the lost half in a few seconds, calls taking
     * well under a second; one probe every 30 s past the level Zoho refused keeps the refusals of N
     * runtimes sharing an org to about N per half minute. A second's pause after a refusal is
     * several calls' time at Zoho, enough for the org to have room again; doubled while refusals go
     * on (to at most 8 s), it costs a runtime that finds no room at most a refused call every 8 s.
     */
    static final Tuning DEFAULT =
        new Tuning(0.5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));

    /** The same rules, {@code factor} times faster; for simulations in real time. */
    Tuning fasterBy(int factor) {
      return new Tuning(
          backoffRatio,
          growthInterval.dividedBy(factor),
          probeInterval.dividedBy(factor),
          pauseAfterRefusal.dividedBy(factor),
          warmUp);
    }

    Tuning {
      if (!(backoffRatio > 0 && backoffRatio < 1)) {
        throw new IllegalArgumentException(
            "backoffRatio must lie between 0 and 1: " + backoffRatio);
      }
    }
  }

  private static final int NEVER_REFUSED = Integer.MAX_VALUE;

  private final double backoffRatio;
  private final long growthIntervalMillis;
  private final long probeIntervalMillis;

  private int limit;
  private int refusedAt = NEVER_REFUSED;
  private long decreases;
  private int usedSinceChange;
  private long lastChangeMillis;

  private boolean warmingUp;

  /** A new limit: at 1 while it warms up ("Start" above), else at {@code maximum}. */
  AdaptiveLimit(int maximum, Tuning tuning, long nowMillis) {
    this.warmingUp = tuning.warmUp();
    this.limit = warmingUp ? 1 : Math.max(1, maximum);
    this.backoffRatio = tuning.backoffRatio();
    this.growthIntervalMillis = tuning.growthInterval().toMillis();
    this.probeIntervalMillis = tuning.probeInterval().toMillis();
    this.lastChangeMillis = nowMillis;
  }

  int value() {
    return limit;
  }

  /**
   * Identifies the limit a call was granted under; a refusal counts only against the limit it was
   * granted under.
   */
  long window() {
    return decreases;
  }

  /** Whether the limit is as low as it goes: a refusal now cannot shrink it. */
  boolean atFloor() {
    return limit == 1;
  }

  /**
   * Brings the limit down to a caller's maximum (an edition or runtime setting lower than before).
   */
  void capAt(int maximum) {
    if (limit > maximum) {
      limit = Math.max(1, maximum);
    }
  }

  /**
   * Zoho refused a call granted in {@code window} with a 429.
   *
   * @return whether it counted: false for a call granted before the last decrease
   */
  boolean onRefused(long window, long nowMillis) {
    if (window != decreases) {
      return false;
    }
    warmingUp = false;
    refusedAt = limit;
    limit = Math.max(1, Math.min(limit - 1, (int) (limit * backoffRatio)));
    decreases++;
    usedSinceChange = 0;
    lastChangeMillis = nowMillis;
    return true;
  }

  /**
   * Zoho answered a call.
   *
   * @param saturated whether every slot was taken when the call was granted
   * @param maximum the caller's maximum, which the limit never exceeds
   */
  void onAnswered(boolean saturated, int maximum, long nowMillis) {
    if (!saturated || limit >= maximum) {
      return;
    }
    usedSinceChange++;
    long interval;
    if (warmingUp) {
      interval = 0;
    } else {
      interval = limit + 1 < refusedAt ? growthIntervalMillis : probeIntervalMillis;
    }
    if (usedSinceChange >= limit && nowMillis - lastChangeMillis >= interval) {
      limit++;
      usedSinceChange = 0;
      lastChangeMillis = nowMillis;
    }
  }
}
