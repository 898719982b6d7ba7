package dev.zohoconnect.cancelmeeting.limits;

/**
 * The right to make one call to a Zoho org. Release it exactly once, as soon as the call's outcome
 * is known, with {@link #release(CallOutcome)}; hold it in a try-with-resources block so that an
 * exception releases it too ({@link #close()} releases it as {@link CallOutcome#NO_ANSWER}). Every
 * release after the first does nothing, so {@code release} followed by {@code close} is the normal
 * use:
 *
 * <pre>{@code
 * try (permit) {
 *   HttpReply reply = transport.send(...);
 *   permit.release(CallOutcome.ofHttpStatus(reply.status()));
 *   ...
 * }
 * }</pre>
 *
 * <p>Meant for the thread that acquired it; releasing it from another is safe all the same.
 */
public final class Permit implements Acquisition, AutoCloseable {

  private final OrgGate gate;
  private final long window;
  private final boolean saturated;
  private final int maximum;
  private boolean released; // guarded by the gate's lock

  Permit(OrgGate gate, long window, boolean saturated, int maximum) {
    this.gate = gate;
    this.window = window;
    this.saturated = saturated;
    this.maximum = maximum;
  }

  /**
   * Gives the slot back and tells the org's limit how the call went. Only the first release of a
   * permit counts.
   */
  public void release(CallOutcome outcome) {
    gate.release(this, outcome);
  }

  /** Releases the permit as {@link CallOutcome#NO_ANSWER} unless it was released already. */
  @Override
  public void close() {
    gate.release(this, CallOutcome.NO_ANSWER);
  }

  /** True the first time only; called under the gate's lock. */
  boolean markReleased() {
    if (released) {
      return false;
    }
    released = true;
    return true;
  }

  long window() {
    return window;
  }

  boolean saturated() {
    return saturated;
  }

  int maximum() {
    return maximum;
  }

  @Override
  public String toString() {
    return "Permit[released=" + released + "]";
  }
}
