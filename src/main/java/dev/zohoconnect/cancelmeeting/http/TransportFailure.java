package dev.zohoconnect.cancelmeeting.http;

/**
 * A call that produced no HTTP answer.
 *
 * <p>{@link #requestSent()} matters for a cancellation: when the request may have reached Zoho, a
 * retry can find the meeting already cancelled by the attempt that failed. It is not inferred from
 * the kind of failure but recorded while the call ran: the request counts as sent once the HTTP
 * client has pulled the last byte of its body, which the JDK's client does only after the
 * connection (and a TLS handshake) is established and the headers are handed to it. What remains
 * uncertain lies on the safe side: a request counted as sent may still have sat in a socket buffer,
 * or died on a pooled connection the server had already closed, and never have reached Zoho; a
 * request counted as not sent cannot have been complete at the server, so Zoho cannot have acted on
 * it. A request without a body is counted as sent unless the failure happened while connecting.
 */
public final class TransportFailure extends Exception {

  /** What went wrong, coarse enough to map to one error code each. */
  public enum Kind {
    CONNECT_TIMEOUT,
    CONNECT_FAILED,
    READ_TIMEOUT,
    CONNECTION_LOST
  }

  private final Kind kind;
  private final boolean requestSent;

  public TransportFailure(Kind kind, String message, boolean requestSent, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.requestSent = requestSent;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isTimeout() {
    return kind == Kind.CONNECT_TIMEOUT || kind == Kind.READ_TIMEOUT;
  }

  /**
   * True when the whole request (headers and body) was handed to the connection before the failure,
   * so the server may have acted on it; false when the failure came before that (connection
   * refused, connect timeout, unknown host, TLS handshake, ...).
   */
  public boolean requestSent() {
    return requestSent;
  }
}
