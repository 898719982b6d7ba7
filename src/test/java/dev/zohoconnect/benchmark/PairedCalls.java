package dev.zohoconnect.benchmark;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Part 1's cross-check, without latency: in one JVM, the same calls as the JMH benchmark taking
 * turns call by call (bare, this connector with an access token, with a refresh token, REST
 * connector, bare, ...), so every variant sees the same machine from one moment to the next. JMH
 * measures each variant in forks of its own, one after the other, and on a shared machine two
 * forks can see different loads; this sequence cannot. Also reports the CPU time of the calling
 * thread, which a thread waiting for the OS does not accumulate.
 */
final class PairedCalls {

  record Paired(String call, double medianMicros, double p90Micros, double callerCpuMicros, int calls) {}

  private static final String MEETING = "__MEETING__";
  private static final String BODY = "{\"data\":[{\"send_cancelling_mail\":false}]}";
  static final List<String> CALLS =
      List.of("bareHttpClient", "connectorAccessToken", "connectorRefreshToken", "restConnector");

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
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      double[][] wall = new double[CALLS.size()][measured];
      double[] cpu = new double[CALLS.size()];
      for (int round = 0; round < warmup + measured; round++) {
        for (int call = 0; call < CALLS.size(); call++) {
          String meetingId = zoho.newMeeting();
          var context =
              switch (call) {
                case 1 -> jobs.context(accessToken.replace(MEETING, meetingId), CancelMeetingFunction.JOB_TYPE);
                case 2 -> jobs.context(refreshToken.replace(MEETING, meetingId), CancelMeetingFunction.JOB_TYPE);
                case 3 -> jobs.context(restJob.replace(MEETING, meetingId), BenchmarkProcesses.REST_JOB_TYPE);
                default -> null;
              };
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          switch (call) {
            case 0 -> bareCall(bare, zoho, meetingId);
            case 1, 2 -> connector.execute(context);
            default -> rest.execute(context);
          }
          long elapsed = System.nanoTime() - start;
          long cpuUsed = threads.getCurrentThreadCpuTime() - cpuStart;
          if (round >= warmup) {
            wall[call][round - warmup] = elapsed / 1e3;
            cpu[call] += cpuUsed / 1e3;
          }
          zoho.forget(meetingId);
        }
      }
      return java.util.stream.IntStream.range(0, CALLS.size())
          .mapToObj(
              call -> {
                double[] sorted = wall[call].clone();
                Arrays.sort(sorted);
                return new Paired(
                    CALLS.get(call),
                    sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.9)],
                    cpu[call] / measured,
                    measured);
              })
          .toList();
    }
  }

  private static void bareCall(HttpClient client, ZohoFixture zoho, String meetingId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(zoho.baseUrl() + "/crm/v7/Events/" + meetingId + "/actions/cancel"))
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
