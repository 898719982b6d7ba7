package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.support.RecordingSleeper;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime dies in the middle of a run, as a killed process does: from that instant nothing it
 * does reaches the engine. Jobs it had activated stay activated until their timeout; its calls in
 * flight still reach Zoho and cancel meetings whose jobs it never completes. A new runtime on the
 * same engine picks the jobs up again after their timeout. Every meeting ends cancelled exactly
 * once; what the process sees for the meetings cancelled by the dead runtime depends on one option,
 * and both outcomes are pinned here.
 */
class RuntimeRestartTest {

  private static final AtomicLong IDS = new AtomicLong(4876876000003000000L);
  private static final int INSTANCES = 24;
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(3);

  private ZohoCrmEmulator zoho;
  private ConnectorRuntimeHarness engineOwner;
  private InMemoryZeebeDriver driver;

  @BeforeEach
  void start() {
    zoho = ZohoCrmEmulator.start();
    zoho.settings().globalLatency(Duration.ofMillis(300)); // calls are in flight when it dies
    // Owns the engine only; the runtimes under test attach to it and come and go.
    engineOwner = ConnectorRuntimeHarness.engineOnly();
    driver = new InMemoryZeebeDriver(engineOwner);
    driver.deploy("hardening.bpmn", CancelProcess.model());
  }

  @AfterEach
  void stop() {
    engineOwner.close();
    zoho.close();
  }

  /**
   * With "already cancelled is success", every instance completes and every meeting is cancelled
   * once.
   */
  @Test
  void withAlreadyCancelledAsSuccessEveryInstanceCompletesAndEveryMeetingIsCancelledOnce()
      throws Exception {
    Run run = crashAndRestart(true);

    assertThat(run.ends.values())
        .as("every instance completed")
        .containsOnly(CancelProcess.CANCELLED);
    assertEveryMeetingCancelledExactlyOnce(run);
    assertThat(calledTwice(run)).as("the crash hit calls in flight").isNotEmpty();
    long foundCancelled =
        run.instances.keySet().stream()
            .filter(id -> Boolean.TRUE.equals(result(run, id).get("alreadyCancelled")))
            .count();
    assertThat(foundCancelled)
        .as("completed as already cancelled by the dead runtime's call")
        .isPositive();
    System.out.printf(
        "Restart, already-cancelled-is-success: %d instances completed, %d meetings cancelled once,"
            + " %d called by both runtimes, %d completed as already cancelled%n",
        run.ends.size(), zoho.counters().cancellations(), calledTwice(run).size(), foundCancelled);
    for (String id : run.instances.keySet()) {
      // Found cancelled by a call of the dead runtime, or cancelled by the new one (when the dead
      // runtime's call was processed after it, or never arrived): never both, never neither.
      if (Boolean.TRUE.equals(result(run, id).get("alreadyCancelled"))) {
        assertThat(zoho.counters().cancelCalls(id)).as(id).isGreaterThanOrEqualTo(2);
      }
    }
  }

  /**
   * With the default options, a job whose call cancelled the meeting just before the runtime died
   * comes back without any trace of that call (a timed-out job carries no failure), so Zoho's
   * NOT_ALLOWED (ALREADY_CANCELLED) is raised for it. The meeting is still cancelled exactly once.
   */
  @Test
  void withDefaultOptionsTheMeetingsCancelledByTheDeadRuntimeEndInAlreadyCancelled()
      throws Exception {
    Run run = crashAndRestart(false);

    assertEveryMeetingCancelledExactlyOnce(run);
    for (Map.Entry<String, Long> instance : run.instances.entrySet()) {
      String id = instance.getKey();
      String end = run.ends.get(id);
      if (end.equals(CancelProcess.NOT_CANCELLED)) {
        assertThat(zoho.counters().cancelCalls(id))
            .as(id + ": its first call cancelled it")
            .isGreaterThanOrEqualTo(2);
        assertThat(driver.thrownErrors(instance.getValue()).getLast().errorCode())
            .isEqualTo("NOT_ALLOWED");
        assertThat(driver.thrownErrors(instance.getValue()).getLast().variables().toString())
            .contains("ALREADY_CANCELLED");
      } else {
        assertThat(end).isEqualTo(CancelProcess.CANCELLED);
      }
    }
    long alreadyCancelled =
        run.ends.values().stream().filter(CancelProcess.NOT_CANCELLED::equals).count();
    assertThat(alreadyCancelled)
        .as("jobs of the dead runtime whose call had cancelled")
        .isPositive();
    System.out.printf(
        "Restart, default options: %d instances, %d meetings cancelled once, %d called by both"
            + " runtimes, %d ended in NOT_ALLOWED (ALREADY_CANCELLED)%n",
        run.ends.size(),
        zoho.counters().cancellations(),
        calledTwice(run).size(),
        alreadyCancelled);
  }

  private record Run(Map<String, Long> instances, Map<String, String> ends) {}

  private Run crashAndRestart(boolean alreadyCancelledIsSuccess) throws Exception {
    Freezable dying =
        new Freezable(
            CancelProcess.connector(Clock.systemUTC(), new RecordingSleeper(), 3), INSTANCES / 3);
    try (ConnectorRuntimeHarness first = runtime(dying)) {
      Map<String, Long> instances = new LinkedHashMap<>();
      for (int i = 0; i < INSTANCES; i++) {
        String id = Long.toString(IDS.incrementAndGet());
        zoho.meetings().put(zoho.upcomingMeeting(id).build());
        Map<String, Object> vars = CancelProcess.variables(zoho, id, false);
        vars.put("alreadyCancelledIsSuccess", alreadyCancelledIsSuccess);
        instances.put(id, driver.startInstance(CancelProcess.ID, vars));
      }
      // The runtime dies just after its 8th call returned, before reporting it: its activated
      // jobs stay activated, its other calls in flight go on.
      dying.awaitDeath();
      assertThat(zoho.counters().cancellations())
          .as("died in the middle of the run")
          .isLessThan(INSTANCES);

      try (ConnectorRuntimeHarness second =
          runtime(CancelProcess.connector(Clock.systemUTC(), new RecordingSleeper(), 5))) {
        Thread.sleep(500); // the dead runtime's last calls are answered, to nobody
        driver.increaseTime(JOB_TIMEOUT); // and its jobs time out
        Map<String, String> ends = new LinkedHashMap<>();
        for (Map.Entry<String, Long> instance : instances.entrySet()) {
          ends.put(instance.getKey(), awaitEnd(instance.getValue()));
        }
        assertThat(dying.frozenJobs()).as("jobs the dead runtime held").isPositive();
        return new Run(instances, ends);
      }
    }
  }

  /**
   * The connector of a runtime that dies right after a given number of calls: from then on a job
   * that arrives never calls Zoho, and a call in flight goes on but its outcome is never reported
   * (the thread waits until the test ends), so the runtime sends the engine nothing more, as when
   * its process is killed. The call that triggers the death reached Zoho: at least one meeting is
   * cancelled by a job that is never completed.
   */
  private static final class Freezable implements OutboundConnectorFunction {
    private final OutboundConnectorFunction connector;
    private final int dieAfterCalls;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch died = new CountDownLatch(1);
    private final CountDownLatch dead = new CountDownLatch(1);
    private final AtomicInteger frozenJobs = new AtomicInteger();
    private volatile boolean frozen;

    Freezable(OutboundConnectorFunction connector, int dieAfterCalls) {
      this.connector = connector;
      this.dieAfterCalls = dieAfterCalls;
    }

    void awaitDeath() throws InterruptedException {
      assertThat(died.await(30, TimeUnit.SECONDS)).as("the runtime died in time").isTrue();
    }

    int frozenJobs() {
      return frozenJobs.get();
    }

    @Override
    public Object execute(OutboundConnectorContext context) throws Exception {
      hangIfFrozen();
      try {
        return connector.execute(context);
      } finally {
        if (calls.incrementAndGet() == dieAfterCalls) {
          frozen = true;
          died.countDown();
        }
        hangIfFrozen();
      }
    }

    private void hangIfFrozen() throws InterruptedException {
      if (frozen) {
        frozenJobs.incrementAndGet();
        dead.await(); // released never: interrupted when the test closes the dead runtime
      }
    }
  }

  /**
   * A runtime with a short job timeout on the shared engine, with its own connector and token
   * cache.
   */
  private ConnectorRuntimeHarness runtime(OutboundConnectorFunction connector) {
    return ConnectorRuntimeHarness.builder()
        .discoverConnectors(false)
        .connector(CancelMeetingFunction.JOB_TYPE, connector)
        .secrets(CancelProcess.SECRETS)
        .engine(engineOwner.engine())
        .jobTimeout(JOB_TIMEOUT)
        .workerThreads(4)
        .maxJobsActive(8)
        .start();
  }

  private void assertEveryMeetingCancelledExactlyOnce(Run run) {
    assertThat(run.instances.keySet()).allMatch(id -> zoho.meetings().isCancelled(id));
    assertThat(zoho.counters().cancellations()).as("state changes in Zoho").isEqualTo(INSTANCES);
  }

  /** Meetings both runtimes called for: the dead one's call was in flight when it died. */
  private List<String> calledTwice(Run run) {
    List<String> ids = new ArrayList<>();
    for (String id : run.instances.keySet()) {
      if (zoho.counters().cancelCalls(id) >= 2) {
        ids.add(id);
      }
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> result(Run run, String id) {
    return (Map<String, Object>) driver.variables(run.instances.get(id)).get("cancellation");
  }

  /** The end event the instance reached; the clock is moved over any job retry backoff. */
  private String awaitEnd(long key) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int failuresSeen = 0;
    while (!driver.isCompleted(key)) {
      assertThat(driver.incidents(key)).as(driver.describe(key)).isEmpty();
      assertThat(System.nanoTime())
          .as("ends in time: %s", driver.describe(key))
          .isLessThan(deadline);
      var failures = driver.jobFailures(key);
      if (failures.size() > failuresSeen) {
        failuresSeen = failures.size();
        driver.increaseTime(failures.getLast().retryBackoff());
      }
      Thread.sleep(20);
    }
    return driver.completedElements(key).getLast();
  }
}
