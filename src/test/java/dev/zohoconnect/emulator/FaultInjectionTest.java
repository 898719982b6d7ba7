package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends EmulatorTestBase {

  @BeforeEach
  void meeting() {
    putUpcomingMeeting(MEETING_ID);
  }

  @Test
  void serverErrorAnswersZohosInternalErrorWithoutProcessing() throws IOException {
    emulator.faults().enqueue(Fault.serverError());

    assertJsonAnswer(
        client.cancel(MEETING_ID, false, token),
        500,
        """
                {"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"}""");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void refusalAnswersZohosDocumentedErrorInItsShapeWithoutProcessing() throws IOException {
    emulator
        .faults()
        .enqueue(Fault.refusal("MANDATORY_NOT_FOUND"), Fault.refusal("INVALID_URL_PATTERN"));

    assertJsonAnswer(
        client.cancel(MEETING_ID, false, token),
        400,
        """
                {"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"send_cancelling_mail",\
                "json_path":"$.data[0].send_cancelling_mail"},"message":"required field not found","status":"error"}]}""");
    assertJsonAnswer(
        client.cancel(MEETING_ID, false, token),
        404,
        """
                {"code":"INVALID_URL_PATTERN","details":{},\
                "message":"Please check if the URL trying to access is a correct one","status":"error"}""");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void badGatewayAnswersAnHtmlPage() throws IOException {
    emulator.faults().enqueue(Fault.badGateway());

    var answer = client.cancel(MEETING_ID, false, token);

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.contentType()).isEqualTo("text/html");
    assertThat(answer.body()).startsWith("<html>").contains("502 Bad Gateway");
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void injected429HasNoRetryAfterUnlessAskedFor() throws IOException {
    emulator
        .faults()
        .enqueue(Fault.tooManyRequests(), Fault.tooManyRequests(Duration.ofMillis(1500)));

    var plain = client.cancel(MEETING_ID, false, token);
    var withHint = client.cancel(MEETING_ID, false, token);

    assertThat(plain.status()).isEqualTo(429);
    assertThat(plain.error().path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
    assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
    assertThat(withHint.status()).isEqualTo(429);
    assertThat(withHint.headers().firstValue("Retry-After")).contains("2");
    assertThat(emulator.counters().tooManyRequestsSent()).isEqualTo(2);
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void droppedConnectionIsAnIOExceptionAndNothingHappens() throws IOException {
    emulator.faults().enqueue(Fault.dropConnection());

    assertThatThrownBy(() -> client.cancel(MEETING_ID, false, token))
        .isInstanceOf(IOException.class);
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(200);
  }

  @Test
  void answerLostStillCancelsTheMeetingAndCountsTheMail() throws IOException {
    emulator.faults().enqueue(FaultTarget.CANCEL, Fault.answerLost());

    assertThatThrownBy(() -> client.cancel(MEETING_ID, true, token))
        .isInstanceOf(IOException.class);

    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isTrue();
    assertThat(emulator.counters().cancellations()).isEqualTo(1);
    assertThat(emulator.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(1);
    // A blind retry now learns only that the meeting is "already cancelled".
    assertThat(client.cancel(MEETING_ID, true, token).error().path("code").asText())
        .isEqualTo("NOT_ALLOWED");
    assertThat(emulator.counters().cancelCalls(MEETING_ID)).isEqualTo(2);
  }

  @Test
  void emptyBodyIsA200WithNothingInIt() throws IOException {
    emulator.faults().enqueue(Fault.emptyBody());

    var answer = client.cancel(MEETING_ID, false, token);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void truncatedJsonCannotBeParsed() throws IOException {
    emulator.faults().enqueue(Fault.truncatedJson(), Fault.truncatedJson());

    var cancel = client.cancel(MEETING_ID, false, token);
    var refresh =
        client.refresh(
            ZohoCrmEmulator.DEFAULT_CLIENT_ID,
            ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
            ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);

    assertThat(cancel.status()).isEqualTo(200);
    assertThat(cancel.body()).startsWith("{\"data\":[{\"code\":\"SUCCESS\"");
    assertThatThrownBy(() -> new ObjectMapper().readTree(cancel.body()))
        .isInstanceOf(IOException.class);
    assertThat(refresh.body()).startsWith("{\"access_token\":\"1000.");
    assertThatThrownBy(() -> new ObjectMapper().readTree(refresh.body()))
        .isInstanceOf(IOException.class);
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void latencyDelaysButStillProcesses() throws IOException {
    emulator.faults().enqueue(Fault.latency(Duration.ofMillis(250)));

    long started = System.nanoTime();
    var answer = client.cancel(MEETING_ID, false, token);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void globalLatencyDelaysEveryAnswer() throws IOException {
    emulator.settings().globalLatency(Duration.ofMillis(150));

    long started = System.nanoTime();
    client.getEvent(MEETING_ID, token);
    client.getEvent(MEETING_ID, token);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void faultsOnlyHitTheirTargetAndAreUsedOnce() throws IOException {
    emulator.faults().enqueue(FaultTarget.TOKEN, Fault.serverError());
    emulator.faults().enqueue(FaultTarget.CANCEL, 2, Fault.serverError());

    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(200);
    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(500);
    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(500);
    assertThat(emulator.faults().pending()).isEqualTo(1);
    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(200);
    assertThat(
            client
                .refresh(
                    ZohoCrmEmulator.DEFAULT_CLIENT_ID,
                    ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
                    ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN)
                .status())
        .isEqualTo(500);
    assertThat(emulator.faults().pending()).isZero();
  }

  @Test
  void randomFaultsAreRepeatableForAGivenSeed() throws IOException {
    List<Integer> first = statusesWithRandomFaults(42);
    List<Integer> second = statusesWithRandomFaults(42);

    assertThat(first).isEqualTo(second).contains(200, 500);
  }

  @Test
  void randomFaultRatioZeroNeverAndOneAlwaysFails() throws IOException {
    emulator.faults().failRandomly(FaultTarget.GET_EVENT, 0.0, Fault.serverError(), 1);
    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(200);

    emulator.faults().clear();
    emulator.faults().failRandomly(FaultTarget.GET_EVENT, 1.0, Fault.serverError(), 1);
    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(500);
    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(200);
  }

  private List<Integer> statusesWithRandomFaults(long seed) throws IOException {
    emulator.faults().clear();
    emulator.faults().failRandomly(0.5, Fault.serverError(), seed);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(client.getEvent(MEETING_ID, token).status());
    }
    return statuses;
  }
}
