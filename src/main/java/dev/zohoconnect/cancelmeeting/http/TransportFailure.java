package dev.zohoconnect.cancelmeeting.http;

/**
 * A call that produced no HTTP answer.
 *
 * <p>{@link #mayHaveBeenDelivered()} matters for a cancellation: when the request may have reached
 * Zoho, a retry can find the meeting already cancelled by the attempt that failed.
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

  public TransportFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isTimeout() {
    return kind == Kind.CONNECT_TIMEOUT || kind == Kind.READ_TIMEOUT;
  }

  /** Whether the request may have been handed to the server before the failure. */
  public boolean requestSent() {
    return kind == Kind.READ_TIMEOUT || kind == Kind.CONNECTION_LOST;
  }
}
