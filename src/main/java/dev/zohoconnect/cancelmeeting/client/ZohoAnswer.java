package dev.zohoconnect.cancelmeeting.client;

import dev.zohoconnect.cancelmeeting.error.ZohoError;
import java.time.Duration;

/** What Zoho said to a cancel request, once its two error shapes are told apart. */
public sealed interface ZohoAnswer {

  /** The meeting was cancelled by this request. */
  record Cancelled(String code, String message) implements ZohoAnswer {}

  /** Zoho refused; {@code retryAfter} is its {@code Retry-After}, or null. */
  record Refused(ZohoError error, Duration retryAfter) implements ZohoAnswer {}

  /** An answer that is not Zoho's: a proxy page, an empty or truncated body. */
  record Unreadable(int httpStatus, String problem) implements ZohoAnswer {}
}
