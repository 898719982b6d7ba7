package dev.zohoconnect.benchmark;

import dev.zohoconnect.process.ConnectorRuntimeHarness;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the connectors of a {@link RuntimeFleet} are doing: executions running now, when one last
 * started or ended, how many failed, and when each runtime first completed one since {@link
 * #startPhase()}. A run moves its clocks forward only while nothing runs ({@link VirtualTime}).
 */
final class ConnectorActivity {

  private final InstantSource clock;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong lastChangeNanos = new AtomicLong(System.nanoTime());
  private final LongAdder failures = new LongAdder();
  private final Map<Integer, Instant> firstSuccess = new ConcurrentHashMap<>();
  private final Set<Long> waitingForBackoff = ConcurrentHashMap.newKeySet();

  /**
   * @param clock the run's clock, for the moments of {@link #firstSuccess(int)}
   */
  ConnectorActivity(InstantSource clock) {
    this.clock = clock;
  }

  /** {@code connector}, counted here as runtime number {@code runtime}'s. */
  OutboundConnectorFunction observe(int runtime, OutboundConnectorFunction connector) {
    return context -> execute(runtime, connector, context);
  }

  private Object execute(
      int runtime, OutboundConnectorFunction connector, OutboundConnectorContext context)
      throws Exception {
    running.incrementAndGet();
    waitingForBackoff.remove(context.getJobContext().getElementInstanceKey());
    lastChangeNanos.set(System.nanoTime());
    boolean succeeded = false;
    try {
      Object result = connector.execute(context);
      succeeded = true;
      firstSuccess.putIfAbsent(runtime, clock.instant());
      return result;
    } finally {
      if (!succeeded) {
        failures.increment();
      }
      lastChangeNanos.set(System.nanoTime());
      running.decrementAndGet();
    }
  }

  /**
   * A runtime handed a job back to the engine (see {@link ConnectorRuntimeHarness#onJobFailed}).
   */
  void jobFailed(ActivatedJob job, int retries, Duration backoff) {
    if (retries > 0 && backoff.isPositive()) {
      waitingForBackoff.add(job.getElementInstanceKey());
    }
    lastChangeNanos.set(System.nanoTime());
  }

  /** Tasks whose job was handed back with a backoff and has not run since. */
  int waitingForBackoff() {
    return waitingForBackoff.size();
  }

  /** Counts as a change: {@link #idleFor} counts from now. */
  void touch() {
    lastChangeNanos.set(System.nanoTime());
  }

  /** No execution has run for {@code quiet}. */
  boolean idleFor(Duration quiet) {
    return running.get() == 0 && System.nanoTime() - lastChangeNanos.get() >= quiet.toNanos();
  }

  /** Executions that ended with an exception (handed back to Zeebe or raised as a BPMN error). */
  long failures() {
    return failures.sum();
  }

  /** Forgets which runtimes have completed an execution. */
  void startPhase() {
    firstSuccess.clear();
  }

  /** When runtime {@code runtime} first completed an execution since {@link #startPhase()}. */
  Instant firstSuccess(int runtime) {
    return firstSuccess.get(runtime);
  }

  int runtimesWithSuccess() {
    return firstSuccess.size();
  }
}
