package dev.zohoconnect.cancelmeeting.client;

import dev.zohoconnect.cancelmeeting.error.ZohoError;
import java.time.Duration;

/** What Zoho said to a cancel request, once its two error shapes are told apart. */
public sealed interface ZohoAnswer {

  /** The meeting was cancelled by this request. */
  record Cancelled(String code, String message) implements ZohoAnswer {}

  /** Zoho refused; {@code retryAfter} is its {@code Retry-After}, or null. */
  record Refused(ZohoError error, Duration retryAfter) implements ZohoAnswer {}

  /**
   * An answer that is not Zoho's: a proxy page, an empty or truncated body, a redirect.
   *
   * @param redirectHost for a redirect, the host its {@code Location} names, or null
   */
  record Unreadable(int httpStatus, String problem, String redirectHost) implements ZohoAnswer {

    public Unreadable(int httpStatus, String problem) {
      this(httpStatus, problem, null);
    }

    /** A 3xx: the request went to the wrong place (never followed), so a retry goes there too. */
    public boolean isRedirect() {
      return httpStatus >= 300 && httpStatus < 400;
    }
  }
}
