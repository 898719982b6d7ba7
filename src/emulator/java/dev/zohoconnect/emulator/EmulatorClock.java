package dev.zohoconnect.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The emulator's notion of "now", which tests move instead of waiting: token expiry, refresh
 * throttling, meeting end times, the daily mail counter and the 24-hour API credit window all read
 * it.
 *
 * <p>It follows the system clock (plus whatever was {@linkplain #advance advanced}) until
 * {@linkplain #set set} to a fixed instant; from then on it stands still except when advanced.
 */
public final class EmulatorClock implements InstantSource {

  /** Zoho resets daily counters per org time zone; the emulator's org lives in UTC. */
  public static final ZoneOffset ORG_ZONE = ZoneOffset.UTC;

  private Instant fixed;
  private Duration offset = Duration.ZERO;

  @Override
  public synchronized Instant instant() {
    return fixed != null ? fixed : Instant.now().plus(offset);
  }

  public LocalDate today() {
    return instant().atZone(ORG_ZONE).toLocalDate();
  }

  /** Stops the clock at the given instant. */
  public synchronized EmulatorClock set(Instant instant) {
    this.fixed = instant;
    return this;
  }

  public synchronized EmulatorClock advance(Duration duration) {
    if (fixed != null) {
      fixed = fixed.plus(duration);
    } else {
      offset = offset.plus(duration);
    }
    return this;
  }

  /** Back to following the system clock exactly. */
  public synchronized EmulatorClock reset() {
    fixed = null;
    offset = Duration.ZERO;
    return this;
  }
}
