package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultTarget;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrgLimitsTest extends EmulatorTestBase {

  private static final String TOO_MANY_REQUESTS =
      "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many requests\",\"status\":\"error\"}";

  @Test
  void requestsBeyondTheConcurrencyLimitGet429() {
    putUpcomingMeeting(MEETING_ID);
    emulator.settings().concurrencyLimit(3).globalLatency(Duration.ofMillis(400));

    List<HttpResponse<String>> responses = getInParallel(8);

    List<HttpResponse<String>> rejected =
        responses.stream().filter(response -> response.statusCode() == 429).toList();
    assertThat(rejected).isNotEmpty();
    assertThat(responses)
        .filteredOn(response -> response.statusCode() == 200)
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(rejected)
        .allSatisfy(
            response -> {
              assertThat(response.body()).isEqualTo(TOO_MANY_REQUESTS);
              assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            });
    assertThat(emulator.counters().maxConcurrentApiRequests()).isEqualTo(3);
    assertThat(emulator.counters().tooManyRequestsSent()).isEqualTo(rejected.size());
    assertThat(emulator.counters().maxConcurrentApiRequestsArrived())
        .as("the refused calls arrived while three were in flight")
        .isGreaterThan(3);
  }

  @Test
  void maxInFlightNeverExceedsTheDefaultLimitOfTen() {
    putUpcomingMeeting(MEETING_ID);
    emulator.settings().globalLatency(Duration.ofMillis(300));

    List<HttpResponse<String>> responses = getInParallel(25);

    assertThat(emulator.settings().concurrencyLimit()).isEqualTo(10);
    assertThat(emulator.counters().maxConcurrentApiRequests()).isLessThanOrEqualTo(10);
    assertThat(responses).anyMatch(response -> response.statusCode() == 429);
  }

  @Test
  void tokenEndpointIsNotPartOfTheCrmConcurrencyLimit() throws Exception {
    putUpcomingMeeting(MEETING_ID);
    emulator.settings().concurrencyLimit(1);
    emulator.faults().enqueue(FaultTarget.GET_EVENT, Fault.latency(Duration.ofMillis(500)));
    CompletableFuture<HttpResponse<String>> slow = client.getEventAsync(MEETING_ID, token);
    awaitInFlight();

    var answer =
        client.refresh(
            ZohoCrmEmulator.DEFAULT_CLIENT_ID,
            ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
            ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);

    assertThat(answer.json().has("access_token")).isTrue();
    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(429);
    assertThat(slow.get().statusCode()).isEqualTo(200);
  }

  @Test
  void dailyApiCreditsRunOutAndComeBackAfter24Hours() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    emulator.settings().dailyApiCredits(2);

    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(200);
    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(200);
    assertJsonAnswer(client.cancel(MEETING_ID, false, token), 429, TOO_MANY_REQUESTS);
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();

    advanceClock(Duration.ofHours(24));

    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(200);
  }

  private List<HttpResponse<String>> getInParallel(int count) {
    List<CompletableFuture<HttpResponse<String>>> calls =
        IntStream.range(0, count).mapToObj(i -> client.getEventAsync(MEETING_ID, token)).toList();
    return calls.stream().map(CompletableFuture::join).toList();
  }

  private void awaitInFlight() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (emulator.counters().maxConcurrentApiRequests() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
