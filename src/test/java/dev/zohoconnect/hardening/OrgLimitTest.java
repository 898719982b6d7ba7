package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zoho's concurrency limit per org, with far more job threads than it allows: runtimes on one
 * engine, each with {@value #THREADS} job threads, a burst of {@value #INSTANCES} cancellations
 * against an org of Zoho's Free edition ({@value #ORG_LIMIT} calls at once; the emulator answers
 * 429 beyond that, and takes 50 ms otherwise). The task leaves the edition at its default, Free.
 * One runtime never sends Zoho more than the edition allows, so it gets no 429; two runtimes that
 * know nothing of each other learn their shares from the few 429s they get. No instance fails.
 * Without the runtime's concurrency governor each job thread calls at once.
 */
class OrgLimitTest {

  private static final int ORG_LIMIT = 5;
  private static final int THREADS = 16;
  private static final int INSTANCES = 200;
  private static final AtomicLong IDS = new AtomicLong(4876876000007000000L);

  private ZohoCrmEmulator zoho;
  private InMemoryZeebeDriver driver;
  private final List<ConnectorRuntimeHarness> runtimes = new ArrayList<>();

  @BeforeEach
  void start() {
    zoho = ZohoCrmEmulator.start();
    zoho.settings().concurrencyLimit(ORG_LIMIT).globalLatency(Duration.ofMillis(50));
    // Owns the engine; the runtimes under test attach to it, each with its own connector.
    driver = InMemoryZeebeDriver.owning(ConnectorRuntimeHarness.engineOnly());
    driver.deploy("hardening.bpmn", CancelProcess.model());
  }

  private void startRuntimes(int count) {
    for (int i = 0; i < count; i++) {
      runtimes.add(
          CancelProcess.runtime(new CancelMeetingFunction())
              .engine(driver.harness().engine())
              .workerThreads(THREADS)
              .maxJobsActive(THREADS)
              .start());
    }
  }

  @AfterEach
  void stop() {
    runtimes.forEach(ConnectorRuntimeHarness::close);
    driver.close();
    zoho.close();
  }

  @Test
  void oneRuntimeWithManyThreadsNeverSendsMoreThanTheEditionAllows() {
    startRuntimes(1);

    cancelAllMeetings();

    assertThat(zoho.counters().tooManyRequestsSent()).as("429 answers").isZero();
    assertThat(zoho.counters().maxConcurrentApiRequests()).isEqualTo(ORG_LIMIT);
  }

  @Test
  void twoRuntimesSharingTheOrgCancelEveryMeetingWithFew429s() {
    startRuntimes(2);

    cancelAllMeetings();

    long calls = zoho.counters().cancelCallsByMeeting().values().stream().mapToLong(n -> n).sum();
    assertThat(zoho.counters().tooManyRequestsSent())
        .as("429 answers among %d calls (each runtime starts at the edition's 5)", calls)
        .isLessThanOrEqualTo(calls / 10);
  }

  /** Every instance ends cancelled, each meeting once. */
  private void cancelAllMeetings() {
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      String id = Long.toString(IDS.incrementAndGet());
      zoho.meetings().put(zoho.upcomingMeeting(id).build());
      instances.add(
          driver.startInstance(CancelProcess.ID, CancelProcess.variables(zoho, id, false)));
    }
    for (long key : instances) {
      driver.awaitCompletion(key, Duration.ofSeconds(60));
      assertThat(driver.completedElements(key))
          .as(driver.describe(key))
          .contains(CancelProcess.CANCELLED);
    }
    assertThat(zoho.counters().cancellations()).isEqualTo(INSTANCES);
  }
}
