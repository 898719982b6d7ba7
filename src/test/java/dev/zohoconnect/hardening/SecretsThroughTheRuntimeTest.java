package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancellationOptions;
import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import dev.zohoconnect.cancelmeeting.model.MeetingDetails;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import dev.zohoconnect.cancelmeeting.model.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.support.LogCapture;
import dev.zohoconnect.cancelmeeting.support.MutableClock;
import dev.zohoconnect.cancelmeeting.support.RecordingSleeper;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import dev.zohoconnect.process.TemplateBoundTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Through Camunda's runtime, across successes, faults, business errors, token failures and bad
 * input: no client secret, refresh token or access token appears in any log line (every logger at
 * TRACE, the runtime's job handler included), in the engine's records (job failure and incident
 * messages, BPMN errors and their variables, process variables), or in a request's toString.
 */
class SecretsThroughTheRuntimeTest {

  private static final AtomicLong IDS = new AtomicLong(4876876000004000000L);

  @Test
  void noCredentialReachesLogsRecordsIncidentsOrErrorVariables() throws Exception {
    Set<String> secrets =
        new LinkedHashSet<>(
            List.of(ZohoCrmEmulator.DEFAULT_CLIENT_SECRET, ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN));
    List<String> logs;
    List<String> records = new ArrayList<>();

    try (ZohoCrmEmulator zoho = ZohoCrmEmulator.start();
        LogCapture capture = new LogCapture();
        LogLevels levels =
            LogLevels.set(Level.TRACE, "io.camunda.connector", "dev.zohoconnect")
                .and(
                    Level.INFO,
                    "io.grpc",
                    "io.netty",
                    "io.camunda.zeebe",
                    "io.camunda.client",
                    "org.agrona")) {
      String suppliedToken = zoho.issueAccessToken();
      secrets.add(suppliedToken);
      MutableClock clock = new MutableClock(Instant.now());
      CancelMeetingFunction connector = CancelProcess.connector(clock, new RecordingSleeper(), 11);
      try (ConnectorRuntimeHarness runtime =
              CancelProcess.runtime(connector).secret("ZOHO_ACCESS_TOKEN", suppliedToken).start();
          InMemoryZeebeDriver driver = new InMemoryZeebeDriver(runtime)) {
        driver.deploy("hardening.bpmn", CancelProcess.model());
        driver.deploy("access-token.bpmn", accessTokenModel());
        List<Long> keys = new ArrayList<>();

        // Success, then Zoho rejects the cached token: renewed once.
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), true))));
        secrets.addAll(zoho.tokens().aliveTokens(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN));
        zoho.tokens().expireAll();
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        secrets.addAll(zoho.tokens().aliveTokens(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN));

        // Transient faults, one after the other, and one for good (a BPMN error after retries).
        zoho.faults()
            .enqueue(
                FaultTarget.CANCEL,
                Fault.badGateway(),
                Fault.answerLost(),
                Fault.dropConnection(),
                Fault.truncatedJson(),
                Fault.emptyBody());
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        zoho.faults().failRandomly(FaultTarget.CANCEL, 1.0, Fault.serverError(), 1);
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        zoho.faults().clear();

        // Business errors: nobody invited, daily mail limit, Zoho refusing the token for good.
        String nobody = Long.toString(IDS.incrementAndGet());
        zoho.meetings().put(zoho.upcomingMeeting(nobody).nobodyInvited().build());
        keys.add(
            awaitEnd(driver, driver.startInstance(CancelProcess.ID, vars(zoho, nobody, false))));
        zoho.users().update(ZohoCrmEmulator.DEFAULT_USER_ID, u -> u.withDailyMailLimit(0));
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), true))));
        zoho.faults().enqueue(FaultTarget.CANCEL, 2, Fault.refusal("INVALID_TOKEN"));
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        secrets.addAll(zoho.tokens().aliveTokens(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN));

        // A supplied access token Zoho no longer accepts: raised, never renewed, never quoted.
        zoho.tokens().expire(suppliedToken);
        keys.add(
            awaitEnd(
                driver,
                driver.startInstance("hardening-access-token", vars(zoho, meeting(zoho), false))));

        // The accounts server: down, the secret rotated, the refresh token revoked.
        zoho.tokens().expireAll();
        clock.advance(Duration.ofHours(2)); // past the cached token and any cool-down
        zoho.faults().failRandomly(FaultTarget.TOKEN, 1.0, Fault.dropConnection(), 2);
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        zoho.faults().clear();
        clock.advance(Duration.ofMinutes(2));
        zoho.tokens()
            .registerClient(
                ZohoCrmEmulator.DEFAULT_CLIENT_ID,
                "rotated-" + ZohoCrmEmulator.DEFAULT_CLIENT_SECRET);
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));
        zoho.tokens()
            .registerClient(
                ZohoCrmEmulator.DEFAULT_CLIENT_ID, ZohoCrmEmulator.DEFAULT_CLIENT_SECRET);
        clock.advance(Duration.ofMinutes(2));
        zoho.tokens().revokeRefreshToken(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);
        keys.add(
            awaitEnd(
                driver, driver.startInstance(CancelProcess.ID, vars(zoho, meeting(zoho), false))));

        // Bad input: an incident at once.
        keys.add(
            awaitEnd(
                driver,
                driver.startInstance(CancelProcess.ID, vars(zoho, "1/../../Leads/2", false))));

        for (long key : keys) {
          records.add(driver.describe(key));
          records.add(driver.variables(key).toString());
          records.add(driver.thrownErrors(key).toString());
          records.add(driver.incidents(key).toString());
          records.add(driver.jobFailures(key).toString());
        }
        runtime.engine().getRecordStreamSource().getRecords().forEach(r -> records.add(render(r)));
        assertThat(driver.thrownErrors(keys.get(4)).getLast().errorCode())
            .isEqualTo("INTERNAL_ERROR");
        assertThat(driver.incidents(keys.getLast())).isNotEmpty();
      }
      logs = capture.lines();
    }

    assertThat(logs).as("captured log lines").hasSizeGreaterThan(20);
    assertThat(records).isNotEmpty();
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
    for (String secret : secrets) {
      assertThat(logs).as("log lines").noneMatch(line -> line.contains(secret));
      assertThat(records).as("engine records").noneMatch(text -> text.contains(secret));
    }
  }

  @Test
  void aBoundRequestsToStringHidesItsCredentials() {
    String rendered =
        new CancelMeetingRequest(
                new MeetingDetails("4876876000001563018", false),
                new RefreshTokenAuthentication("1000.CLIENT", "secret-XYZ", "1000.refresh-XYZ"),
                DataCenter.EU,
                ZohoEnvironment.SANDBOX,
                CancellationOptions.defaults(),
                new EndpointOverride(false, null, null))
            + " "
            + new CancelMeetingRequest(
                new MeetingDetails("1", true),
                new AccessTokenAuthentication("1000.access-XYZ"),
                DataCenter.US,
                null,
                null,
                null);

    assertThat(rendered)
        .contains("1000.CLIENT")
        .doesNotContain("secret-XYZ", "1000.refresh-XYZ", "1000.access-XYZ");
  }

  /** Everything a record holds, job variables decoded (the engine keeps them as MessagePack). */
  private static String render(Record<?> record) {
    StringBuilder text = new StringBuilder(record.toJson());
    if (record.getValue() instanceof JobRecordValue job) {
      text.append(job.getVariables()).append(job.getCustomHeaders());
    }
    if (record.getValue() instanceof JobBatchRecordValue batch) {
      batch.getJobs().forEach(job -> text.append(job.getVariables()));
    }
    return text.toString();
  }

  private static long awaitEnd(InMemoryZeebeDriver driver, long key) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int failuresSeen = 0;
    while (!driver.isCompleted(key) && driver.incidents(key).isEmpty()) {
      assertThat(System.nanoTime()).as(driver.describe(key)).isLessThan(deadline);
      var failures = driver.jobFailures(key);
      if (failures.size() > failuresSeen) {
        failuresSeen = failures.size();
        driver.increaseTime(failures.getLast().retryBackoff());
      }
      Thread.sleep(20);
    }
    return key;
  }

  private static String meeting(ZohoCrmEmulator zoho) {
    String id = Long.toString(IDS.incrementAndGet());
    zoho.meetings().put(zoho.upcomingMeeting(id).build());
    return id;
  }

  private static Map<String, Object> vars(ZohoCrmEmulator zoho, String meetingId, boolean mail) {
    return CancelProcess.variables(zoho, meetingId, mail);
  }

  /** The same task with a supplied access token, {@code {{secrets.ZOHO_ACCESS_TOKEN}}}. */
  private static io.camunda.zeebe.model.bpmn.BpmnModelInstance accessTokenModel() {
    return Bpmn.createExecutableProcess("hardening-access-token")
        .startEvent()
        .serviceTask(
            "CancelWithAccessToken",
            task ->
                TemplateBoundTask.on(task)
                    .meeting("meetingId", "sendMail")
                    .accessTokenFromSecret()
                    .endpoints("zohoApiBaseUrl != null", null, "zohoApiBaseUrl")
                    .resultAndErrorHeaders())
        .boundaryEvent("AnyError")
        .error()
        .endEvent("NotCancelled")
        .moveToActivity("CancelWithAccessToken")
        .endEvent("Cancelled")
        .done();
  }
}
