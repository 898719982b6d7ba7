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
 * @param locationHost for a redirect, the host its {@code Location} points to (the request's own
 *     host for a relative one); never the rest of that URL, whose query may carry anything
 */
public record HttpReply(
    int status,
    String body,
    Optional<Duration> retryAfter,
    boolean oversized,
    Optional<String> locationHost) {

  public HttpReply(int status, String body, Optional<Duration> retryAfter, boolean oversized) {
    this(status, body, retryAfter, oversized, Optional.empty());
  }

  public HttpReply(int status, String body, Optional<Duration> retryAfter) {
    this(status, body, retryAfter, false);
  }

  /**
   * A 3xx: the transport never follows one (the token must not travel to wherever it points), so it
   * tells of a wrong URL or a proxy in the way, never of what the server did with the request.
   */
  public boolean isRedirect() {
    return status >= 300 && status < 400;
  }

  public boolean isServerError() {
    return status >= 500;
  }

  public boolean isClientError() {
    return status >= 400 && status < 500;
  }
}
