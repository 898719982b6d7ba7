package dev.zohoconnect.cancelmeeting.http;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP answer, reduced to what the Zoho clients read.
 *
 * @param status the HTTP status
 * @param body the body as text, empty when there was none
 * @param retryAfter the {@code Retry-After} the server sent, if any
 */
public record HttpReply(int status, String body, Optional<Duration> retryAfter) {

  public boolean isServerError() {
    return status >= 500;
  }

  public boolean isClientError() {
    return status >= 400 && status < 500;
  }
}
