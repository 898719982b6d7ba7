package dev.zohoconnect.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Org-wide knobs that may change while the emulator runs. Every field is read per request, so a
 * test can tighten a limit between two calls.
 */
public final class EmulatorSettings {

  /** Zoho's Standard edition allows ten concurrent calls per org and app. */
  public static final int DEFAULT_CONCURRENCY_LIMIT = 10;

  public static final long UNLIMITED = Long.MAX_VALUE;

  private volatile int concurrencyLimit = DEFAULT_CONCURRENCY_LIMIT;
  private volatile long dailyApiCredits = UNLIMITED;
  private volatile int noPermissionStatus = 400;
  private volatile Duration globalLatency = Duration.ZERO;
  private volatile String apiDomain;

  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  /** Requests beyond this many CRM API calls in flight get {@code 429 TOO_MANY_REQUESTS}. */
  public EmulatorSettings concurrencyLimit(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("concurrencyLimit must be at least 1");
    }
    this.concurrencyLimit = value;
    return this;
  }

  public long dailyApiCredits() {
    return dailyApiCredits;
  }

  /**
   * API calls allowed per rolling 24 hours of the emulator clock (one credit per call), or {@link
   * #UNLIMITED}. Calls are only recorded while a limit is set, so an unlimited emulator keeps no
   * history.
   */
  public EmulatorSettings dailyApiCredits(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("dailyApiCredits must not be negative");
    }
    this.dailyApiCredits = value;
    return this;
  }

  public int noPermissionStatus() {
    return noPermissionStatus;
  }

  /**
   * Zoho's cancel page documents 400 for {@code NO_PERMISSION}, its OpenAPI file 403: clients must
   * handle both.
   */
  public EmulatorSettings noPermissionStatus(int value) {
    if (value != 400 && value != 403) {
      throw new IllegalArgumentException(
          "NO_PERMISSION is documented with 400 or 403, not " + value);
    }
    this.noPermissionStatus = value;
    return this;
  }

  public Duration globalLatency() {
    return globalLatency;
  }

  /**
   * A delay before every answer, to make benchmarks and concurrency behave like a remote server.
   */
  public EmulatorSettings globalLatency(Duration value) {
    this.globalLatency = Objects.requireNonNull(value, "globalLatency");
    return this;
  }

  /**
   * The {@code api_domain} the token endpoint announces; {@code null} means the emulator's own base
   * URL.
   */
  public String apiDomain() {
    return apiDomain;
  }

  public EmulatorSettings apiDomain(String value) {
    this.apiDomain = value;
    return this;
  }
}
