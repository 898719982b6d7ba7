package dev.zohoconnect.hardening;

import static dev.zohoconnect.process.ProcessInstanceAssert.assertThatInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.support.MutableClock;
import dev.zohoconnect.cancelmeeting.support.RecordingSleeper;
import dev.zohoconnect.emulator.Endpoint;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every fault against the emulator, through Camunda's runtime on the in-memory engine, with the end
 * state it must reach: which end event, which BPMN error, how many job failures, and what happened
 * in Zoho (meetings cancelled, calls, mails, token refreshes). The connector waits between in-job
 * attempts without sleeping and reads a clock the test moves.
 */
class FaultEndStatesTest {

  private static final AtomicLong IDS = new AtomicLong(4876876000002000000L);

  private ZohoCrmEmulator zoho;
  private MutableClock clock;
  private RecordingSleeper sleeper;
  private InMemoryZeebeDriver driver;
  private final List<AutoCloseable> closeAfter = new ArrayList<>();

  @BeforeEach
  void start() {
    zoho = ZohoCrmEmulator.start();
    clock = new MutableClock(Instant.now());
    sleeper = new RecordingSleeper();
    driver =
        InMemoryZeebeDriver.owning(
            CancelProcess.runtime(CancelProcess.connector(clock, sleeper, 7)).start());
    driver.deploy("hardening.bpmn", CancelProcess.model());
  }

  @AfterEach
  void stop() throws Exception {
    driver.close();
    for (AutoCloseable closeable : closeAfter) {
      closeable.close();
    }
    zoho.close();
  }

  /** Connect timeout: nothing reaches Zoho, the job fails, Zeebe retries once Zoho is back. */
  @Test
  void connectTimeoutFailsTheJobAndZeebesRetryCancelsOnceZohoIsBack() throws Exception {
    String id = meeting();
    FaultProxy proxy = FaultProxy.to(zoho.baseUrl());
    closeAfter.add(proxy);
    proxy.stopAccepting();
    Map<String, Object> vars = CancelProcess.variables(proxy.baseUrl(), zoho.baseUrl(), id, false);
    vars.put("connectTimeoutSeconds", 1);
    vars.put("readTimeoutSeconds", 2); // bounds the wait should a connection get through after all

    long key = driver.startInstance(CancelProcess.ID, vars);
    JobFailure failure = driver.awaitJobFailures(key, 1, Duration.ofSeconds(20)).getFirst();
    assertThat(failure.errorMessage()).startsWith("[ZOHO_TIMEOUT]").contains("could not connect");
    assertThat(zoho.counters().cancelCalls(id)).as("nothing reached Zoho").isZero();
    proxy.acceptAgain();
    driver.increaseTime(failure.retryBackoff());

    assertThatInstance(driver, key)
        .within(Duration.ofSeconds(20))
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED);
    assertThat(failure.retriesLeft()).isEqualTo(2);
    assertThat(failure.retryBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cancellation(key)).containsEntry("alreadyCancelled", false);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  /**
   * Read timeout: Zoho was slow, not dead. The second attempt cancels; the first request, processed
   * late, finds the meeting cancelled and changes nothing.
   */
  @Test
  void readTimeoutIsRetriedInTheJobAndTheLateFirstRequestCancelsNothingTwice() throws Exception {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, Fault.latency(Duration.ofMillis(2_500)));

    long key = start(id, false, Map.of("readTimeoutSeconds", 1));

    assertThatInstance(driver, key)
        .within(Duration.ofSeconds(15))
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(0);
    assertThat(cancellation(key)).containsEntry("attempts", 2);
    Thread.sleep(2_000); // the first request is answered now, to nobody
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(2);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  /**
   * Read timeouts on every attempt of a run: the first, late request did cancel; Zeebe's retry
   * finds the meeting cancelled and, knowing the run before failed transiently, completes.
   */
  @Test
  void readTimeoutsThroughoutARunEndCancelledOnceAfterZeebesRetry() {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, 3, Fault.latency(Duration.ofMillis(1_500)));

    long key = start(id, false, Map.of("readTimeoutSeconds", 1));
    JobFailure failure = driver.awaitJobFailures(key, 1, Duration.ofSeconds(20)).getFirst();
    assertThat(failure.errorMessage()).startsWith("[ZOHO_TIMEOUT]");
    driver.increaseTime(failure.retryBackoff());

    assertThatInstance(driver, key)
        .within(Duration.ofSeconds(20))
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED);
    assertThat(cancellation(key)).containsEntry("alreadyCancelled", true);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  /**
   * The answer dies mid-body after Zoho cancelled: the retry sees "already cancelled" and
   * completes.
   */
  @Test
  void connectionResetMidBodyAfterZohoCancelledCompletesWithoutASecondCancellation() {
    String id = meeting();
    FaultProxy proxy = FaultProxy.to(zoho.baseUrl());
    closeAfter.add(proxy);
    proxy.resetMidBody(1);

    long key =
        driver.startInstance(
            CancelProcess.ID, CancelProcess.variables(proxy.baseUrl(), zoho.baseUrl(), id, true));

    assertThatInstance(driver, key)
        .within(Duration.ofSeconds(15))
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(0);
    assertThat(cancellation(key))
        .containsEntry("alreadyCancelled", true)
        .containsEntry("attempts", 2);
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(2);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
    assertThat(zoho.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID))
        .as("one mail, not two")
        .isEqualTo(1);
  }

  /**
   * A proxy's HTML 502, an empty 200, a truncated JSON: nothing was processed, the retry cancels.
   */
  @Test
  void unreadableAnswersAreRetriedAndNeverReadAsSuccess() {
    List<Fault> faults = List.of(Fault.badGateway(), Fault.emptyBody(), Fault.truncatedJson());
    for (Fault fault : faults) {
      String id = meeting();
      zoho.faults().enqueue(FaultTarget.CANCEL, fault);

      long key = start(id, false, Map.of());

      assertThatInstance(driver, key)
          .isCompleted()
          .hasPassed(CancelProcess.CANCELLED)
          .hasJobFailures(0);
      assertThat(cancellation(key))
          .as(fault.toString())
          .containsEntry("attempts", 2)
          .containsEntry("alreadyCancelled", false);
      assertThat(zoho.counters().cancelCalls(id)).as(fault.toString()).isEqualTo(2);
    }
    assertThat(zoho.counters().cancellations()).isEqualTo(faults.size());
  }

  /**
   * A burst of five 429s: three in-job attempts, a job failure with the rate-limit backoff of 60 s
   * (not the usual 10 s), then the retry outlasts the burst.
   */
  @Test
  void aBurstOf429sIsWaitedOutWithTheRateLimitBackoff() {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, 5, Fault.tooManyRequests());

    long key = start(id, false, Map.of());
    JobFailure failure = driver.awaitJobFailures(key, 1).getFirst();
    assertThat(failure.errorMessage()).startsWith("[TOO_MANY_REQUESTS]");
    assertThat(failure.retryBackoff()).isEqualTo(Duration.ofSeconds(60));
    driver.increaseTime(failure.retryBackoff());

    // The runtime's governor pauses the org's calls after each 429 (1, 2, 4, 8 s) in real time.
    assertThatInstance(driver, key)
        .within(Duration.ofSeconds(40))
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(1);
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(6);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  /** A 429 that says when to come back is waited out inside the job when the wait is short. */
  @Test
  void a429WithAShortRetryAfterIsWaitedOutInsideTheJob() {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, Fault.tooManyRequests(Duration.ofSeconds(2)));

    long key = start(id, false, Map.of());

    assertThatInstance(driver, key).isCompleted().hasJobFailures(0);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
  }

  /**
   * Token endpoint failing with HTTP 500: the refusal the accounts server sent is shared for its
   * cool-down rather than repeated by every attempt; the job fails, and Zeebe's retry refreshes and
   * cancels.
   */
  @Test
  void tokenEndpointServerErrorFailsTheJobOnceAndTheRetryRefreshesAndCancels() {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.TOKEN, Fault.serverError());

    long key = start(id, false, Map.of());
    JobFailure failure = driver.awaitJobFailures(key, 1).getFirst();
    assertThat(failure.errorMessage()).startsWith("[ZOHO_OAUTH_UNAVAILABLE]");
    assertThat(tokenRequests()).as("asked once, not once per attempt").isEqualTo(1);
    clock.advance(Duration.ofSeconds(11)); // past the connector's cool-down
    driver.increaseTime(failure.retryBackoff());

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(1);
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  /**
   * A connection to the token endpoint dropped: that says nothing about the accounts server, so it
   * is not shared as a cool-down, and the job's next attempt refreshes and cancels.
   */
  @Test
  void tokenEndpointDroppingAConnectionCostsOnlyOneMoreAttempt() {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.TOKEN, Fault.dropConnection());

    long key = start(id, false, Map.of());

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(0);
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
  }

  /**
   * Token endpoint down for good: after Zeebe's retries, a BPMN error; the meeting is untouched.
   */
  @Test
  void tokenEndpointDownForGoodEndsInItsBpmnErrorAfterTheRetries() {
    String id = meeting();
    zoho.faults().failRandomly(FaultTarget.TOKEN, 1.0, Fault.serverError(), 1);

    long key = start(id, false, Map.of());
    for (int run = 1; run <= 2; run++) {
      JobFailure failure = driver.awaitJobFailures(key, run).getLast();
      clock.advance(Duration.ofSeconds(11));
      driver.increaseTime(failure.retryBackoff());
    }

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.NOT_CANCELLED)
        .threwError("ZOHO_OAUTH_UNAVAILABLE");
    assertThat(tokenRequests()).as("once per job run").isEqualTo(3);
    assertThat(zoho.meetings().isCancelled(id)).isFalse();
  }

  /**
   * The refresh token is revoked in the middle of a run: meetings cancelled before stay cancelled,
   * the rest end in ZOHO_OAUTH_INVALID_REFRESH_TOKEN at once (retrying cannot help), and the
   * accounts server is asked once for all of them.
   */
  @Test
  void tokenRevokedMidRunEndsTheRemainingInstancesInTheirBpmnErrorAtOnce() {
    List<Long> before = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      before.add(start(meeting(), false, Map.of()));
    }
    before.forEach(
        key -> assertThatInstance(driver, key).isCompleted().hasPassed(CancelProcess.CANCELLED));
    zoho.tokens()
        .revokeRefreshToken(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN); // and its access tokens

    List<String> after = List.of(meeting(), meeting(), meeting());
    List<Long> keys = after.stream().map(id -> start(id, false, Map.of())).toList();

    for (long key : keys) {
      assertThatInstance(driver, key)
          .isCompleted()
          .hasPassed(CancelProcess.NOT_CANCELLED)
          .threwError("ZOHO_OAUTH_INVALID_REFRESH_TOKEN")
          .hasJobFailures(0);
    }
    assertThat(after).noneMatch(id -> zoho.meetings().isCancelled(id));
    assertThat(zoho.counters().cancellations()).isEqualTo(3);
    assertThat(zoho.counters().tokenRefreshes())
        .as("one refresh before, one after the revocation")
        .isEqualTo(2);
  }

  /**
   * Zoho's clock runs ahead of the runtime's: a token the connector still trusts is expired at
   * Zoho. INVALID_TOKEN costs one refresh and one more call, nothing else.
   */
  @Test
  void zohosClockAheadCostsOneRefreshAndOneCall() {
    long first = start(meeting(), false, Map.of());
    assertThatInstance(driver, first).isCompleted();
    zoho.clock().advance(Duration.ofMinutes(58)); // Zoho: the token is 58 min old...
    String id = meeting();
    zoho.clock().advance(Duration.ofMinutes(3)); // ...now 61: expired there, not here

    long key = start(id, false, Map.of());

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(0);
    assertThat(cancellation(key)).containsEntry("attempts", 2);
    assertThat(zoho.counters().tokenRefreshes()).isEqualTo(2);
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(2);
  }

  /** The runtime's clock runs ahead: it renews before using a token it believes about to expire. */
  @Test
  void runtimeClockAheadRenewsBeforeTheTokenIsRejected() {
    long first = start(meeting(), false, Map.of());
    assertThatInstance(driver, first).isCompleted();

    clock.advance(Duration.ofMinutes(54).plusSeconds(59)); // just outside the 5-minute margin
    String justBefore = meeting();
    long second = start(justBefore, false, Map.of());
    assertThatInstance(driver, second).isCompleted();
    assertThat(zoho.counters().tokenRefreshes()).as("still trusted").isEqualTo(1);

    clock.advance(Duration.ofSeconds(2)); // inside the margin
    String inside = meeting();
    long third = start(inside, false, Map.of());
    assertThatInstance(driver, third).isCompleted();
    assertThat(zoho.counters().tokenRefreshes()).as("renewed ahead of expiry").isEqualTo(2);
    assertThat(zoho.counters().cancelCalls(justBefore)).isEqualTo(1);
    assertThat(zoho.counters().cancelCalls(inside)).as("never rejected").isEqualTo(1);
  }

  /** Cancelled, then the answer lost, with mail: completes, one cancellation, one mail. */
  @Test
  void cancelledButAnswerLostCompletesWithOneCancellationAndOneMail() {
    String id = meeting();
    zoho.faults().enqueue(FaultTarget.CANCEL, Fault.answerLost());

    long key = start(id, true, Map.of());

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(0);
    assertThat(cancellation(key))
        .containsEntry("alreadyCancelled", true)
        .containsEntry("mailRequested", true);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
    assertThat(zoho.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(1);
  }

  /**
   * Cancelled, answer lost, and the rest of the run fails too: Zeebe's retry reads the failure the
   * runtime stored and completes instead of raising NOT_ALLOWED.
   */
  @Test
  void cancelledButAnswerLostAcrossAZeebeRetryStillCompletes() {
    String id = meeting();
    zoho.faults()
        .enqueue(
            FaultTarget.CANCEL, Fault.answerLost(), Fault.badGateway(), Fault.dropConnection());

    long key = start(id, true, Map.of());
    JobFailure failure = driver.awaitJobFailures(key, 1).getFirst();
    driver.increaseTime(failure.retryBackoff());

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.CANCELLED)
        .hasJobFailures(1);
    assertThat(cancellation(key)).containsEntry("alreadyCancelled", true);
    assertThat(zoho.counters().cancelCalls(id)).isEqualTo(4);
    assertThat(zoho.counters().cancellations()).isEqualTo(1);
    assertThat(zoho.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(1);
  }

  /** A meeting cancelled before the process ran is NOT_ALLOWED (ALREADY_CANCELLED), caught. */
  @Test
  void aMeetingCancelledBeforehandIsABpmnErrorNotASilentSuccess() {
    String id = Long.toString(IDS.incrementAndGet());
    zoho.meetings().put(zoho.upcomingMeeting(id).cancelled(true).build());

    long key = start(id, false, Map.of());

    assertThatInstance(driver, key)
        .isCompleted()
        .hasPassed(CancelProcess.NOT_CANCELLED)
        .threwErrorSatisfying(
            "NOT_ALLOWED",
            (ThrownError e) -> assertThat(e.variables().toString()).contains("ALREADY_CANCELLED"));
    assertThat(zoho.counters().cancellations()).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  private String meeting() {
    String id = Long.toString(IDS.incrementAndGet());
    zoho.meetings().put(zoho.upcomingMeeting(id).build());
    return id;
  }

  private long start(String meetingId, boolean sendMail, Map<String, Object> extra) {
    Map<String, Object> vars = CancelProcess.variables(zoho, meetingId, sendMail);
    vars.putAll(extra);
    return driver.startInstance(CancelProcess.ID, vars);
  }

  /** Requests to the token endpoint, answered or not (refreshes count only the answered ones). */
  private long tokenRequests() {
    return zoho.counters().requests(Endpoint.TOKEN);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> cancellation(long key) {
    return (Map<String, Object>) driver.variables(key).get("cancellation");
  }
}
