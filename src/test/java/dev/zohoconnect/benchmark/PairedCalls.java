package dev.zohoconnect.benchmark;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Part 1's cross-check, without latency: in one JVM, the same calls as the JMH benchmark taking
 * turns call by call (bare, this connector with an access token, with a refresh token, REST
 * connector, the runtime's binding alone; in a new random order every round), so every variant sees
 * the same machine from one moment to the next. JMH measures each variant in forks of its own, one
 * after the other, and on a shared machine two forks can see different loads; this sequence cannot.
 * Also reports the CPU time of the calling thread, which a thread waiting for the OS does not
 * accumulate, and the bytes the whole JVM allocated during each call.
 */
final class PairedCalls {

  /**
   * One call's figures; {@code allocatedBytes} is what the whole JVM allocated per call (the
   * emulator's side included, the same for every call, so compare differences).
   */
  record Paired(
      String call,
      double medianMicros,
      double p90Micros,
      double callerCpuMicros,
      double allocatedBytes,
      int calls) {}

  private static final String MEETING = "__MEETING__";
  private static final long ORDER_SEED = 20261206;
  private static final String BODY = "{\"data\":[{\"send_cancelling_mail\":false}]}";

  /**
   * The calls that take turns. The last makes none: it is the runtime's binding of this connector's
   * input alone, the part of the connector's figures that is the runtime's.
   */
  static final List<String> CALLS =
      List.of(
          "bareHttpClient",
          "connectorAccessToken",
          "connectorRefreshToken",
          "restConnector",
          "runtimeBindingOnly");

  private final Settings settings;

  PairedCalls(Settings settings) {
    this.settings = settings;
  }

  List<Paired> run() throws Exception {
    int warmup = settings.quick() ? 500 : 3_000;
    int measured = settings.quick() ? 1_000 : 8_000;
    try (ZohoFixture zoho = ZohoFixture.start(Duration.ZERO)) {
      RuntimeJobs jobs = new RuntimeJobs(zoho.secrets());
      HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      OutboundConnectorFunction connector = new CancelMeetingFunction();
      OutboundConnectorFunction rest = RuntimeJobs.restConnector();
      String accessToken = jobs.json(JobVariables.connectorAccessToken(MEETING, zoho.baseUrl()));
      String refreshToken = jobs.json(JobVariables.connectorRefreshToken(MEETING, zoho.baseUrl()));
      String restJob = jobs.json(JobVariables.restAccessToken(MEETING, zoho.baseUrl()));
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      double[][] wall = new double[CALLS.size()][measured];
      double[] cpu = new double[CALLS.size()];
      double[] allocated = new double[CALLS.size()];
      // A new order every round: a call that leaves work or garbage behind (the REST connector's
      // client does) would otherwise always slow the same neighbour down.
      Random shuffler = new Random(ORDER_SEED);
      List<Integer> order = new ArrayList<>(IntStream.range(0, CALLS.size()).boxed().toList());
      for (int round = 0; round < warmup + measured; round++) {
        Collections.shuffle(order, shuffler);
        for (int call : order) {
          String meetingId = zoho.newMeeting();
          var context =
              switch (call) {
                case 1 ->
                    jobs.context(
                        accessToken.replace(MEETING, meetingId), CancelMeetingFunction.JOB_TYPE);
                case 2 ->
                    jobs.context(
                        refreshToken.replace(MEETING, meetingId), CancelMeetingFunction.JOB_TYPE);
                case 3 ->
                    jobs.context(
                        restJob.replace(MEETING, meetingId), BenchmarkProcesses.REST_JOB_TYPE);
                case 4 ->
                    jobs.context(
                        accessToken.replace(MEETING, meetingId), CancelMeetingFunction.JOB_TYPE);
                default -> null;
              };
          long allocatedBefore = threads.getTotalThreadAllocatedBytes();
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          switch (call) {
            case 0 -> bareCall(bare, zoho, meetingId);
            case 1, 2 -> connector.execute(context);
            case 3 -> rest.execute(context);
            default -> context.bindVariables(CancelMeetingRequest.class);
          }
          long elapsed = System.nanoTime() - start;
          long cpuUsed = threads.getCurrentThreadCpuTime() - cpuStart;
          long allocatedNow = threads.getTotalThreadAllocatedBytes();
          if (round >= warmup) {
            wall[call][round - warmup] = elapsed / 1e3;
            cpu[call] += cpuUsed / 1e3;
            allocated[call] += allocatedNow - allocatedBefore;
          }
          zoho.forget(meetingId);
        }
      }
      return IntStream.range(0, CALLS.size())
          .mapToObj(
              call -> {
                double[] sorted = wall[call].clone();
                Arrays.sort(sorted);
                return new Paired(
                    CALLS.get(call),
                    sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.9)],
                    cpu[call] / measured,
                    allocated[call] / measured,
                    measured);
              })
          .toList();
    }
  }

  private static void bareCall(HttpClient client, ZohoFixture zoho, String meetingId)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(zoho.baseUrl() + "/crm/v7/Events/" + meetingId + "/actions/cancel"))
            .header("Authorization", "Zoho-oauthtoken " + zoho.accessToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
  }
}
