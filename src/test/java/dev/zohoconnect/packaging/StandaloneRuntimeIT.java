package dev.zohoconnect.packaging;

import static dev.zohoconnect.process.ProcessInstanceAssert.assertThatInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The standalone runtime jar as operators run it, in separate JVMs: configured only by
 * CAMUNDA_CLIENT_* and SECRET_* environment variables, pointed at the in-memory engine's gRPC
 * gateway (which has no worker of its own for the connector) and at the Zoho emulator.
 *
 * <ol>
 *   <li>one runtime completes a process instance; health, metrics and structured logs work;
 *   <li>a second runtime joins: a batch of instances is shared between the two, every meeting is
 *       cancelled exactly once, and both together stay under the org's concurrency limit;
 *   <li>SIGTERM while a job runs: the runtime finishes it before it exits.
 * </ol>
 *
 * The runtimes' logs stay in target/runtime-it/ for inspection.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneRuntimeIT {

  /** Per runtime instance; two instances together may hold this many Zoho calls at once. */
  static final int THREADS_PER_RUNTIME = 2;

  static final int ORG_CONCURRENCY_LIMIT = 2 * THREADS_PER_RUNTIME;

  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Instances started at once while both runtimes run. */
  static final int BATCH = 20;

  static ZohoCrmEmulator zoho;
  static ConnectorRuntimeHarness engine;
  static InMemoryZeebeDriver driver;
  static final List<RuntimeProcess> runtimes = new ArrayList<>();
  static RuntimeProcess first;
  static RuntimeProcess second;
  static Path logs;
  static int meetingSequence;

  @BeforeAll
  static void startEngineAndZoho() throws Exception {
    logs = Files.createDirectories(Path.of("target", "runtime-it"));
    zoho = ZohoCrmEmulator.start();
    zoho.settings().concurrencyLimit(ORG_CONCURRENCY_LIMIT);
    // An engine without a worker for the connector: only the runtime processes can take its jobs.
    engine = ConnectorRuntimeHarness.engineOnly();
    driver = new InMemoryZeebeDriver(engine);
    assertThat(engine.connectorTypes()).doesNotContain(CancelMeetingFunction.JOB_TYPE);
    driver.deploy("cancel-meeting.bpmn", PackagedArtifacts.cancelMeetingProcess());
  }

  @AfterAll
  static void stopEverything() {
    runtimes.forEach(RuntimeProcess::close);
    if (driver != null) {
      driver.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (zoho != null) {
      zoho.close();
    }
  }

  @Test
  @Order(1)
  void runtimeCompletesAnInstanceAndReportsHealthMetricsAndStructuredLogs() throws Exception {
    first = startRuntime("runtime-a");
    // The connector runtime opens its worker through the runtime's own job worker manager (job
    // handler wrapped for logging fields and graceful shutdown, worker named by the operator):
    // a Camunda upgrade that opened workers another way would bypass both.
    assertThat(first.messages())
        .as("the connector's worker opened through ObservedJobWorkerManager")
        .contains("Opening job worker 'runtime-a' for job type " + CancelMeetingFunction.JOB_TYPE);

    JsonNode readiness = first.awaitHealth("/actuator/health/readiness", Duration.ofSeconds(30));
    assertThat(readiness.path("components").path("zeebeClient").path("status").asText())
        .isEqualTo("UP");
    first.awaitHealth("/actuator/health/liveness", Duration.ofSeconds(5));

    String meetingId = newMeeting();
    long key = startInstance(meetingId);

    assertThatInstance(driver, key)
        .within(Duration.ofSeconds(30))
        .isCompleted()
        .hasPassed(PackagedArtifacts.TASK_ID, "done")
        .hasNoIncidents();
    assertThat(zoho.counters().cancelCalls(meetingId)).isEqualTo(1);
    assertThat(completingWorkers(List.of(key)).values()).containsOnly("runtime-a");

    HttpResponse<String> prometheus = first.get("/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("camunda_connector_outbound_invocations_total")
        .contains(CancelMeetingFunction.JOB_TYPE);
    assertThat(first.get("/actuator/metrics/camunda.connector.outbound.invocations").statusCode())
        .isEqualTo(200);

    // Structured logs: the connector's own line carries the job and the meeting as fields.
    JsonNode cancelled = cancelledLine(first, meetingId);
    assertThat(cancelled.path("meetingId").asText()).isEqualTo(meetingId);
    assertThat(cancelled.path("jobType").asText()).isEqualTo(CancelMeetingFunction.JOB_TYPE);
    assertThat(cancelled.path("processInstanceKey").asLong()).isEqualTo(key);
    assertThat(cancelled.path("jobKey").asLong()).isPositive();
    assertThat(cancelled.path("log").path("level").asText()).isEqualTo("INFO");
    assertNoSecretsIn(first);
  }

  @Test
  @Order(2)
  void secondRuntimeJoinsAndTheyShareTheJobsWithinTheConcurrencyLimit() throws Exception {
    second = startRuntime("runtime-b");
    second.awaitHealth("/actuator/health/readiness", Duration.ofSeconds(30));
    zoho.counters().reset();
    zoho.settings().globalLatency(Duration.ofMillis(400)); // calls overlap, as in production

    Map<Long, String> meetingByInstance = new LinkedHashMap<>();
    for (int i = 0; i < BATCH; i++) {
      String meetingId = newMeeting();
      meetingByInstance.put(startInstance(meetingId), meetingId);
    }
    for (long key : meetingByInstance.keySet()) {
      assertThatInstance(driver, key).within(Duration.ofSeconds(60)).isCompleted().hasNoIncidents();
    }
    zoho.settings().globalLatency(Duration.ZERO);

    // Every meeting cancelled exactly once, by one of the two runtimes.
    for (String meetingId : meetingByInstance.values()) {
      assertThat(zoho.meetings().isCancelled(meetingId)).as(meetingId).isTrue();
      assertThat(zoho.counters().cancelCalls(meetingId)).as(meetingId).isEqualTo(1);
    }
    // Both took part: by the engine's records and by their own logs.
    Map<Long, String> workers = completingWorkers(meetingByInstance.keySet());
    assertThat(new HashSet<>(workers.values())).containsExactlyInAnyOrder("runtime-a", "runtime-b");
    Set<String> cancelledByFirst = cancelledMeetings(first, meetingByInstance.values());
    Set<String> cancelledBySecond = cancelledMeetings(second, meetingByInstance.values());
    assertThat(cancelledByFirst).isNotEmpty().doesNotContainAnyElementsOf(cancelledBySecond);
    assertThat(cancelledBySecond).isNotEmpty();
    Set<String> all = new HashSet<>(cancelledByFirst);
    all.addAll(cancelledBySecond);
    assertThat(all).containsExactlyInAnyOrderElementsOf(meetingByInstance.values());
    // execution-threads per instance x instances <= the org's limit: Zoho never said 429.
    assertThat(zoho.counters().maxConcurrentApiRequests())
        .isLessThanOrEqualTo(ORG_CONCURRENCY_LIMIT);
    assertThat(zoho.counters().tooManyRequestsSent()).isZero();
    System.out.printf(
        "[StandaloneRuntimeIT] %d jobs: runtime-a %d, runtime-b %d; max concurrent Zoho calls %d%n",
        BATCH,
        cancelledByFirst.size(),
        cancelledBySecond.size(),
        zoho.counters().maxConcurrentApiRequests());
    assertNoSecretsIn(first);
    assertNoSecretsIn(second);
  }

  @Test
  @Order(3)
  void sigtermLetsTheRunningJobFinishBeforeTheRuntimeExits() throws Exception {
    int exit = second.stop(Duration.ofSeconds(30)); // idle: stops at once
    assertThat(exit).isIn(0, 143);

    Duration zohoLatency = Duration.ofSeconds(3);
    zoho.settings().globalLatency(zohoLatency);
    String meetingId = newMeeting();
    long key = startInstance(meetingId);
    awaitLine(first, "Received job", meetingId, Duration.ofSeconds(20));
    Thread.sleep(300); // the Zoho call is on the wire now

    long sigterm = System.nanoTime();
    exit = first.stop(Duration.ofSeconds(40));
    Duration shutdown = Duration.ofNanos(System.nanoTime() - sigterm);
    zoho.settings().globalLatency(Duration.ZERO);

    assertThat(exit).isIn(0, 143);
    // No runtime is left: only the one that was stopped can have completed the job.
    assertThat(driver.isCompleted(key)).as(driver.describe(key)).isTrue();
    assertThat(completingWorkers(List.of(key)).values()).containsOnly("runtime-a");
    assertThat(zoho.counters().cancelCalls(meetingId)).isEqualTo(1);
    assertThat(shutdown).isGreaterThan(zohoLatency.minusSeconds(1));
    assertThat(first.messages())
        .anyMatch(m -> m.startsWith("Shutting down: workers closed"))
        .anyMatch(m -> m.equals("Shutting down: all running jobs finished"));
    System.out.printf(
        "[StandaloneRuntimeIT] SIGTERM during a %s Zoho call: exited after %d ms, job completed%n",
        zohoLatency, shutdown.toMillis());
  }

  // ---------------------------------------------------------------------------------------------

  static RuntimeProcess startRuntime(String name) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("CAMUNDA_CLIENT_MODE", "self-managed");
    env.put("CAMUNDA_CLIENT_GRPCADDRESS", "http://" + engine.gatewayAddress());
    // The in-memory engine has no REST API: a closed port, and gRPC for everything.
    env.put("CAMUNDA_CLIENT_RESTADDRESS", "http://127.0.0.1:" + closedPort());
    env.put("CAMUNDA_CLIENT_PREFERRESTOVERGRPC", "false");
    env.put("CAMUNDA_CLIENT_WORKER_DEFAULTS_NAME", name);
    env.put("CAMUNDA_CLIENT_EXECUTIONTHREADS", String.valueOf(THREADS_PER_RUNTIME));
    env.put("CAMUNDA_CLIENT_WORKER_DEFAULTS_MAXJOBSACTIVE", String.valueOf(THREADS_PER_RUNTIME));
    env.put("ZOHO_RUNTIME_DRAINTIMEOUT", "20s");
    // The emulator stands in for Zoho on loopback: allowed as an operator would allow a proxy.
    env.put("ZOHO_CONNECTOR_ALLOWED_ORIGINS", "http://127.0.0.1");
    PackagedArtifacts.SECRETS.forEach((secret, value) -> env.put("SECRET_" + secret, value));

    RuntimeProcess runtime = RuntimeProcess.start(name, PackagedArtifacts.runtimeJar(), env, logs);
    runtimes.add(runtime);
    Duration started = runtime.awaitStarted(START_TIMEOUT);
    System.out.printf(
        "[StandaloneRuntimeIT] %s (pid %d) started in %d ms%n",
        name, runtime.pid(), started.toMillis());
    return runtime;
  }

  static String newMeeting() {
    String id = String.valueOf(4876876000002000000L + ++meetingSequence);
    zoho.meetings().put(zoho.upcomingMeeting(id).build());
    return id;
  }

  static long startInstance(String meetingId) {
    return driver.startInstance(
        PackagedArtifacts.PROCESS_ID, PackagedArtifacts.variables(meetingId, zoho));
  }

  /** Instance key to the name of the worker that activated its completed job. */
  static Map<Long, String> completingWorkers(Iterable<Long> instances) {
    Set<Long> wanted = new HashSet<>();
    instances.forEach(wanted::add);
    Map<Long, String> workerByJob = new HashMap<>();
    Map<Long, Long> instanceByCompletedJob = new HashMap<>();
    for (Record<?> record : engine.engine().getRecordStreamSource().getRecords()) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getValueType() == ValueType.JOB_BATCH
          && record.getIntent() == JobBatchIntent.ACTIVATED
          && record.getValue() instanceof JobBatchRecordValue batch) {
        batch.getJobKeys().forEach(jobKey -> workerByJob.put(jobKey, batch.getWorker()));
      } else if (record.getValueType() == ValueType.JOB
          && record.getIntent() == JobIntent.COMPLETED
          && record.getValue() instanceof JobRecordValue job
          && wanted.contains(job.getProcessInstanceKey())) {
        instanceByCompletedJob.put(record.getKey(), job.getProcessInstanceKey());
      }
    }
    Map<Long, String> result = new LinkedHashMap<>();
    instanceByCompletedJob.forEach(
        (jobKey, instance) -> result.put(instance, workerByJob.get(jobKey)));
    assertThat(result.keySet()).as("completed jobs").containsExactlyInAnyOrderElementsOf(wanted);
    return result;
  }

  static JsonNode cancelledLine(RuntimeProcess runtime, String meetingId) {
    return runtime.jsonLines().stream()
        .filter(n -> n.path("message").asText().startsWith("Cancelled Zoho meeting " + meetingId))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no cancellation of " + meetingId + " logged\n" + runtime.tail()));
  }

  static Set<String> cancelledMeetings(RuntimeProcess runtime, Iterable<String> meetingIds) {
    Set<String> result = new HashSet<>();
    for (JsonNode line : runtime.jsonLines()) {
      String message = line.path("message").asText();
      for (String id : meetingIds) {
        if (message.startsWith("Cancelled Zoho meeting " + id)) {
          assertThat(line.path("meetingId").asText()).isEqualTo(id);
          result.add(id);
        }
      }
    }
    return result;
  }

  static void awaitLine(
      RuntimeProcess runtime, String messagePrefix, String meetingId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean seen =
          runtime.jsonLines().stream()
              .anyMatch(
                  n ->
                      n.path("message").asText().startsWith(messagePrefix)
                          && meetingId.equals(n.path("meetingId").asText()));
      if (seen) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        runtime.name()
            + " logged no '"
            + messagePrefix
            + "' for "
            + meetingId
            + "\n"
            + runtime.tail());
  }

  static void assertNoSecretsIn(RuntimeProcess runtime) {
    List<String> lines = runtime.lines();
    assertThat(lines).isNotEmpty();
    for (String secret :
        List.of(ZohoCrmEmulator.DEFAULT_CLIENT_SECRET, ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN)) {
      assertThat(lines).as("%s log", runtime.name()).noneMatch(line -> line.contains(secret));
    }
  }

  static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
