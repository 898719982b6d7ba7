package dev.zohoconnect.cancelmeeting.http;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import java.time.Duration;

/**
 * How long one HTTP call may take: to connect, and to get the answer once connected.
 *
 * @param connect the connect timeout
 * @param read the time from sending to the whole answer
 */
public record CallTimeouts(Duration connect, Duration read) {

  /**
   * These timeouts, shortened in proportion when both together would outlast {@code deadline}, so
   * that a call which uses all of its connect and read time still ends by then.
   */
  public CallTimeouts within(Deadline deadline) {
    Duration left = deadline.remaining();
    if (total().compareTo(left) <= 0) {
      return this;
    }
    long leftMillis = Math.max(left.toMillis(), 2);
    long connectMillis =
        Math.max(1, Math.round((double) connect.toMillis() * leftMillis / total().toMillis()));
    return new CallTimeouts(
        Duration.ofMillis(connectMillis),
        Duration.ofMillis(Math.max(1, leftMillis - connectMillis)));
  }

  public Duration total() {
    return connect.plus(read);
  }
}
