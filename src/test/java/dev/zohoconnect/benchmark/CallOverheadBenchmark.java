package dev.zohoconnect.benchmark;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One cancellation, in process, one at a time: the connector's whole execution (the runtime's
 * binding and validation of the job variables, then token, request, answer parsing, result) against
 * the least any Java client can do for the same call, a bare JDK {@link HttpClient} POST with a
 * prepared header and body, and against Camunda's REST connector configured for the same call. The
 * emulator answers on loopback in this JVM; every invocation cancels a meeting of its own (prepared
 * outside the measured time).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallOverheadBenchmark {

  /** The emulator's answer latency in milliseconds. */
  @State(Scope.Benchmark)
  public static class Zoho {
    @Param({"0"})
    public int latencyMs;

    ZohoFixture fixture;
    RuntimeJobs jobs;
    HttpClient bareClient;
    OutboundConnectorFunction connector;
    OutboundConnectorFunction rest;
    String connectorAccessTokenJson;
    String connectorRefreshTokenJson;
    String restJson;

    @Setup(Level.Trial)
    public void start() {
      fixture = ZohoFixture.start(Duration.ofMillis(latencyMs));
      jobs = new RuntimeJobs(fixture.secrets());
      bareClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      connector = new CancelMeetingFunction(); // as the runtime creates it (SPI, no arguments)
      rest = RuntimeJobs.restConnector();
      connectorAccessTokenJson =
          jobs.json(JobVariables.connectorAccessToken(MEETING, fixture.baseUrl()));
      connectorRefreshTokenJson =
          jobs.json(JobVariables.connectorRefreshToken(MEETING, fixture.baseUrl()));
      restJson = jobs.json(JobVariables.restAccessToken(MEETING, fixture.baseUrl()));
    }

    @TearDown(Level.Trial)
    public void stop() {
      fixture.close();
    }
  }

  static final String MEETING = "__MEETING__";

  /** A new meeting per invocation, and the request or job that cancels it. */
  @State(Scope.Thread)
  public static class Call {
    String meetingId;
    HttpRequest bareRequest;
    OutboundConnectorContext connectorAccessToken;
    OutboundConnectorContext connectorRefreshToken;
    OutboundConnectorContext rest;

    @Setup(Level.Invocation)
    public void next(Zoho zoho) {
      zoho.fixture.forget(meetingId);
      meetingId = zoho.fixture.newMeeting();
      connectorAccessToken =
          zoho.jobs.context(
              zoho.connectorAccessTokenJson.replace(MEETING, meetingId),
              CancelMeetingFunction.JOB_TYPE);
      connectorRefreshToken =
          zoho.jobs.context(
              zoho.connectorRefreshTokenJson.replace(MEETING, meetingId),
              CancelMeetingFunction.JOB_TYPE);
      rest = zoho.jobs.context(zoho.restJson.replace(MEETING, meetingId), "io.camunda:http-json:1");
    }
  }

  private static final String BODY = "{\"data\":[{\"send_cancelling_mail\":false}]}";

  /** The floor: the same POST, header and body prepared, answer read as a string. */
  @Benchmark
  public String bareHttpClient(Zoho zoho, Call call) throws IOException, InterruptedException {
    return checked(
        zoho.bareClient.send(bareRequest(zoho, call), HttpResponse.BodyHandlers.ofString()));
  }

  private static HttpRequest bareRequest(Zoho zoho, Call call) {
    return HttpRequest.newBuilder(
            URI.create(
                zoho.fixture.baseUrl() + "/crm/v7/Events/" + call.meetingId + "/actions/cancel"))
        .header("Authorization", "Zoho-oauthtoken " + zoho.fixture.accessToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY))
        .build();
  }

  private static String checked(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /**
   * The same bare call through {@code sendAsync(...).get(timeout)}, as the connector's transport
   * made it until it moved to {@code send} with a body deadline of its own. The JDK runs an async
   * exchange on its executor and completes it through the common pool, where {@code send} works on
   * the calling thread: the difference to {@link #bareHttpClient} is the price of those hand-offs.
   */
  @Benchmark
  public String bareHttpClientAsync(Zoho zoho, Call call) throws Exception {
    HttpResponse<String> response =
        zoho.bareClient
            .sendAsync(bareRequest(zoho, call), HttpResponse.BodyHandlers.ofString())
            .get(40, TimeUnit.SECONDS);
    return checked(response);
  }

  @Benchmark
  public Object connectorAccessToken(Zoho zoho, Call call) throws Exception {
    return cancelled(zoho.connector.execute(call.connectorAccessToken));
  }

  /** Refresh-token authentication: the cached access token after the first call. */
  @Benchmark
  public Object connectorRefreshToken(Zoho zoho, Call call) throws Exception {
    return cancelled(zoho.connector.execute(call.connectorRefreshToken));
  }

  /**
   * No call: only what Camunda's runtime does for any connector before it runs, here for this
   * connector's input (secret replacement, binding with the runtime's object mapper, Jakarta Bean
   * Validation). Tells how much of this connector's overhead is the runtime's.
   */
  @Benchmark
  public Object runtimeBindingOnly(Call call) {
    return call.connectorAccessToken.bindVariables(CancelMeetingRequest.class);
  }

  @Benchmark
  public Object restConnector(Zoho zoho, Call call) throws Exception {
    return zoho.rest.execute(call.rest);
  }

  private static Object cancelled(Object result) {
    if (!(result instanceof CancelMeetingResult r) || !r.cancelled()) {
      throw new IllegalStateException("not cancelled: " + result);
    }
    return result;
  }
}
