package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.budget.ExecutionBudget;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.support.RecordingSleeper;
import dev.zohoconnect.cancelmeeting.support.TestConnectors;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises a retry rests on, through Camunda's connector runtime on the in-memory engine
 * against the emulator: the call without mail leaves out what Zoho refuses without it, an execution
 * ends before Zeebe could hand its job to a second one, and a cancellation whose completion was
 * lost is reported again rather than raised as "already cancelled".
 */
class RetrySafetyThroughTheRuntimeTest {

  private static final AtomicLong IDS = new AtomicLong(4876876000006000000L);

  private ZohoCrmEmulator zoho;
  private InMemoryZeebeDriver driver;

  @BeforeEach
  void startZoho() {
    zoho = ZohoCrmEmulator.start();
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
    zoho.close();
  }

  @Test
  void dailyLimitFallbackWithCancelledByCancelsWithoutMailInsteadOfFailing() {
    zoho.users().update(ZohoCrmEmulator.DEFAULT_USER_ID, user -> user.withDailyMailLimit(0));
    start(
        CancelProcess.runtime(
            CancelProcess.connector(Clock.systemUTC(), new RecordingSleeper(), 1)));
    String id = meeting();
    Map<String, Object> vars = CancelProcess.variables(zoho, id, true);
    vars.put("apiVersion", "V8");
    vars.put("cancelledBy", ZohoCrmEmulator.DEFAULT_USER_ID);
    vars.put("cancelWithoutMailOnDailyLimit", true);

    long key = driver.startInstance(CancelProcess.ID, vars);
    driver.awaitCompletion(key, Duration.ofSeconds(30));

    assertThat(driver.completedElements(key)).contains(CancelProcess.CANCELLED);
    assertThat(result(key))
        .containsEntry("cancelled", true)
        .containsEntry("mailRequested", true)
        .containsEntry("mailStatus", "SKIPPED_DAILY_LIMIT");
    assertThat(zoho.meetings().isCancelled(id)).isTrue();
    assertThat(zoho.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isZero();
  }

  @Test
  void anExecutionAgainstAStallingZohoEndsBeforeItsJobTimesOut() {
    Duration jobTimeout = Duration.ofSeconds(8);
    ExecutionBudget budget = new ExecutionBudget(Duration.ofSeconds(5));
    Overlaps executions =
        new Overlaps(
            TestConnectors.connector(
                new HttpTransport(), Clock.systemUTC(), Thread::sleep, 3, budget));
    start(
        ConnectorRuntimeHarness.builder()
            .discoverConnectors(false)
            .connector(CancelMeetingFunction.JOB_TYPE, executions)
            .secrets(CancelProcess.SECRETS)
            .jobTimeout(jobTimeout));
    String id = meeting();
    // Zoho holds the first request far longer than the job timeout; the read timeout (30 s)
    // would wait for it.
    zoho.faults().enqueue(FaultTarget.CANCEL, Fault.latency(Duration.ofSeconds(12)));

    long key = driver.startInstance(CancelProcess.ID, CancelProcess.variables(zoho, id, true));
    driver.awaitCompletion(key, Duration.ofSeconds(40));

    assertThat(executions.mostAtOnce.get()).as("executions of the job at once").isEqualTo(1);
    assertThat(executions.started.get())
        .as("the first ran out of time, the second finished")
        .isEqualTo(2);
    assertThat(executions.longestMillis.get()).isLessThan(jobTimeout.toMillis());
    assertThat(driver.completedElements(key)).contains(CancelProcess.CANCELLED);
    assertThat(zoho.counters().cancellations()).as("cancelled once").isEqualTo(1);
    // Whether the stalled request or the second one cancelled it, the mail was asked for by a
    // request whose answer never came, or by the one that cancelled.
    assertThat(result(key).get("mailStatus")).isIn("SENT", "UNKNOWN");
  }

  @Test
  void aCancellationWhoseCompletionWasLostIsReportedAgainWhenTheJobComesBack() throws Exception {
    Duration jobTimeout = Duration.ofSeconds(3);
    AtomicBoolean firstCompletion = new AtomicBoolean(true);
    start(
        CancelProcess.runtime(CancelProcess.connector(Clock.systemUTC(), new RecordingSleeper(), 5))
            .jobTimeout(jobTimeout)
            .loseCompletions(job -> firstCompletion.getAndSet(false)));
    String id = meeting();

    long key = driver.startInstance(CancelProcess.ID, CancelProcess.variables(zoho, id, true));
    awaitCancelCalls(id, 1);
    Thread.sleep(300); // the runtime "completes" the job, and the command is lost
    driver.increaseTime(jobTimeout.plusSeconds(1));
    driver.awaitCompletion(key, Duration.ofSeconds(30));

    assertThat(driver.completedElements(key)).contains(CancelProcess.CANCELLED);
    assertThat(result(key))
        .containsEntry("cancelled", true)
        .containsEntry("alreadyCancelled", false)
        .containsEntry("mailStatus", "SENT")
        .containsEntry("attempts", 0);
    assertThat(zoho.counters().cancelCalls(id)).as("no second call").isEqualTo(1);
    assertThat(zoho.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(1);
  }

  private void start(ConnectorRuntimeHarness.Builder runtime) {
    driver = InMemoryZeebeDriver.owning(runtime.start());
    driver.deploy("hardening.bpmn", CancelProcess.model());
  }

  private String meeting() {
    String id = Long.toString(IDS.incrementAndGet());
    zoho.meetings().put(zoho.upcomingMeeting(id).build());
    return id;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> result(long key) {
    return (Map<String, Object>) driver.variables(key).get("cancellation");
  }

  private void awaitCancelCalls(String id, int calls) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (zoho.counters().cancelCalls(id) < calls) {
      assertThat(System.nanoTime()).as("%d cancel call(s) in time", calls).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** The connector, counting how many executions of one task run at the same time. */
  private static final class Overlaps implements OutboundConnectorFunction {
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();
    final AtomicLong longestMillis = new AtomicLong();
    private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
    private final OutboundConnectorFunction connector;

    Overlaps(OutboundConnectorFunction connector) {
      this.connector = connector;
    }

    @Override
    public Object execute(OutboundConnectorContext context) throws Exception {
      AtomicInteger now =
          running.computeIfAbsent(
              context.getJobContext().getElementInstanceKey(), k -> new AtomicInteger());
      mostAtOnce.accumulateAndGet(now.incrementAndGet(), Math::max);
      started.incrementAndGet();
      long began = System.nanoTime();
      try {
        return connector.execute(context);
      } finally {
        longestMillis.accumulateAndGet((System.nanoTime() - began) / 1_000_000, Math::max);
        now.decrementAndGet();
      }
    }
  }
}
