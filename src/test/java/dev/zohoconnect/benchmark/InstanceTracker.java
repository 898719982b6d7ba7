package dev.zohoconnect.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Process instances of the benchmark processes ({@link BenchmarkProcesses}), each created with
 * "await result", and how each ended: at the success end event, or at an error end event (the
 * variable {@code failed} set). An instance that the engine cannot finish (an incident) is never
 * answered; it counts as not ended.
 */
final class InstanceTracker {

  enum End {
    COMPLETED,
    FAILED,
    /** The engine did not answer within the request timeout (e.g. an incident), or refused. */
    NOT_AWAITED
  }

  /**
   * @param tag what the run labelled the instance with, e.g. its phase
   * @param realNanos {@link System#nanoTime()} when it ended
   * @param at the run's clock when it ended
   */
  record Ended(int tag, End end, long realNanos, Instant at) {}

  private final CamundaClient client;
  private final String processId;
  private final InstantSource clock;
  private final Duration requestTimeout;
  private final AtomicInteger created = new AtomicInteger();
  private final Map<Integer, AtomicInteger> createdByTag = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentLinkedQueue<Ended> ended = new ConcurrentLinkedQueue<>();

  InstanceTracker(
      CamundaClient client, String processId, InstantSource clock, Duration requestTimeout) {
    this.client = client;
    this.processId = processId;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  /** Creates an instance; returns at once, the end is recorded when the engine answers. */
  void start(int tag, Map<String, Object> variables) {
    created.incrementAndGet();
    createdByTag.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
    open.incrementAndGet();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .withResult()
        .fetchVariables("failed")
        .requestTimeout(requestTimeout)
        .send()
        .whenComplete(
            (ProcessInstanceResult result, Throwable error) -> {
              End end =
                  error != null
                      ? End.NOT_AWAITED
                      : result.getVariablesAsMap().get("failed") != null
                          ? End.FAILED
                          : End.COMPLETED;
              ended.add(new Ended(tag, end, System.nanoTime(), clock.instant()));
              open.decrementAndGet();
            });
  }

  int created() {
    return created.get();
  }

  int open() {
    return open.get();
  }

  List<Ended> ended() {
    return List.copyOf(ended);
  }

  long count(End end) {
    return ended.stream().filter(e -> e.end() == end).count();
  }

  long count(int tag, End end) {
    return ended.stream().filter(e -> e.tag() == tag && e.end() == end).count();
  }

  long created(int tag) {
    AtomicInteger count = createdByTag.get(tag);
    return count == null ? 0 : count.get();
  }

  /**
   * Waits until every instance has ended (true), or until every open one waits for its job's retry
   * backoff to pass and no connector has run for {@code quiet} (false).
   */
  boolean awaitEndedOrWaiting(ConnectorActivity activity, Duration quiet, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int stillOpen = open.get();
      if (stillOpen == 0) {
        return true;
      }
      if (stillOpen <= activity.waitingForBackoff() && activity.idleFor(quiet)) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            processId + ": " + stillOpen + " instances still running after " + timeout);
      }
      Thread.sleep(20);
    }
  }
}
