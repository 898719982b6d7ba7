package dev.zohoconnect.cancelmeeting.http;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP answer, reduced to what the Zoho clients read.
 *
 * @param status the HTTP status
 * @param body the body as text, empty when there was none or it was {@code oversized}
 * @param retryAfter the {@code Retry-After} the server sent, if any
 * @param oversized true when the body was longer than {@link HttpTransport#MAX_ANSWER_BYTES} and
 *     was not read: no Zoho answer comes near that size
 */
public record HttpReply(int status, String body, Optional<Duration> retryAfter, boolean oversized) {

  public HttpReply(int status, String body, Optional<Duration> retryAfter) {
    this(status, body, retryAfter, false);
  }

  public boolean isServerError() {
    return status >= 500;
  }

  public boolean isClientError() {
    return status >= 400 && status < 500;
  }
}
