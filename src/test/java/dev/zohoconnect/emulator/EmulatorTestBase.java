package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator per test (starting one takes milliseconds), a client for it and a token of the
 * default user.
 */
abstract class EmulatorTestBase {

  static final String MEETING_ID = "4876876000001563018";
  static final String JSON = "application/json;charset=UTF-8";

  ZohoCrmEmulator emulator;
  ZohoTestClient client;
  String token;

  @BeforeEach
  void startEmulator() {
    emulator = ZohoCrmEmulator.start();
    client = new ZohoTestClient(emulator.baseUrl());
    token = emulator.issueAccessToken();
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  /**
   * Moves the emulator clock and mints a fresh token, since a jump of an hour or more expires the
   * old one.
   */
  void moveClockTo(Instant instant) {
    emulator.clock().set(instant);
    token = emulator.issueAccessToken();
  }

  void advanceClock(Duration duration) {
    emulator.clock().advance(duration);
    token = emulator.issueAccessToken();
  }

  void putUpcomingMeeting(String id) {
    emulator.meetings().put(emulator.upcomingMeeting(id).build());
  }

  static void assertJsonAnswer(ZohoTestClient.Answer answer, int status, String expectedBody) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo(JSON);
    assertThat(answer.body()).isEqualTo(expectedBody);
  }
}
