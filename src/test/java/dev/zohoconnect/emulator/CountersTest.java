package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CountersTest extends EmulatorTestBase {

  @Test
  void countsCallsPerEndpointMeetingAndRefreshToken() throws IOException {
    putUpcomingMeeting(MEETING_ID);

    client.getEvent(MEETING_ID, token);
    client.cancel(MEETING_ID, true, token);
    client.cancel(MEETING_ID, true, token);
    client.cancel("42", false, token);
    client.send("GET", "/crm/v7/Nowhere", null, null);
    client.getEvent(MEETING_ID, "1000.unknown");
    client.refresh(
        ZohoCrmEmulator.DEFAULT_CLIENT_ID,
        ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
        ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);
    client.refresh(ZohoCrmEmulator.DEFAULT_CLIENT_ID, "wrong", "1000.other");

    EmulatorCounters counters = emulator.counters();
    assertThat(counters.apiCalls()).isEqualTo(6);
    assertThat(counters.requests(Endpoint.GET_EVENT)).isEqualTo(2);
    assertThat(counters.requests(Endpoint.CANCEL_EVENT)).isEqualTo(3);
    assertThat(counters.requests(Endpoint.UNKNOWN)).isEqualTo(1);
    assertThat(counters.requests(Endpoint.TOKEN)).isEqualTo(2);
    assertThat(counters.cancelCalls(MEETING_ID)).isEqualTo(2);
    assertThat(counters.cancelCallsByMeeting()).containsEntry("42", 1L);
    assertThat(counters.cancellations()).isEqualTo(1);
    assertThat(counters.mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(1);
    assertThat(counters.tokenRefreshes()).isEqualTo(2);
    assertThat(counters.tokenRefreshes(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN)).isEqualTo(1);
    assertThat(counters.maxConcurrentApiRequests()).isEqualTo(1);
    assertThat(counters.unauthorizedSent()).as("the unknown token").isEqualTo(1);
  }

  @Test
  void countsErrorAnswersByCodeAndSequentialCallsAsOneInFlight() throws IOException {
    putUpcomingMeeting(MEETING_ID);

    client.getEvent(MEETING_ID, "1000.not-a-token");
    client.getEvent(MEETING_ID, token);
    client.getEvent(MEETING_ID, token);

    EmulatorCounters counters = emulator.counters();
    assertThat(counters.errorAnswers("INVALID_TOKEN")).isEqualTo(1);
    assertThat(counters.errorAnswers("NOT_ALLOWED")).isZero();
    assertThat(counters.maxConcurrentApiRequestsArrived()).isEqualTo(1);
  }

  @Test
  void resetStartsFromZero() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    client.cancel(MEETING_ID, true, token);
    client.cancel(MEETING_ID, true, "1000.unknown");

    emulator.counters().reset();

    EmulatorCounters counters = emulator.counters();
    assertThat(counters.apiCalls()).isZero();
    assertThat(counters.cancellations()).isZero();
    assertThat(counters.cancelCalls(MEETING_ID)).isZero();
    assertThat(counters.mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isZero();
    assertThat(counters.maxConcurrentApiRequests()).isZero();
    assertThat(counters.maxConcurrentApiRequestsArrived()).isZero();
    assertThat(counters.tooManyRequestsSent()).isZero();
    assertThat(counters.unauthorizedSent()).isZero();
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).as("state is not a counter").isTrue();
  }
}
