package dev.zohoconnect.cancelmeeting.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header, in either of its forms (seconds or an HTTP date). */
final class RetryAfter {

  /**
   * The longest wait honoured. A longer one (a proxy's "in a year", a garbled number) would park
   * the job for ever, or overflow Zeebe's backoff in milliseconds and end in an incident.
   */
  static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(capped(Duration.ofSeconds(seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait));
      } catch (DateTimeParseException unreadable) {
        return Optional.empty();
      }
    }
  }

  private static Duration capped(Duration wait) {
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
