package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class EmulatorLifecycleTest {

  @Test
  void listensOnLoopbackAtTheGivenPortAndStopsOnClose() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ZohoTestClient client;
    try (ZohoCrmEmulator emulator = ZohoCrmEmulator.start(port)) {
      assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
      client = new ZohoTestClient(emulator.baseUrl());
      assertThat(client.getEvent("1", emulator.issueAccessToken()).status()).isEqualTo(204);
    }
    assertThatThrownBy(() -> client.getEvent("1", "any")).isInstanceOf(IOException.class);
  }

  @Test
  void standaloneBannerShowsWorkingCredentials() throws IOException {
    try (ZohoCrmEmulator emulator = ZohoCrmEmulator.start()) {
      String banner = emulator.describe();

      assertThat(banner)
          .contains(emulator.baseUrl())
          .contains(ZohoCrmEmulator.DEFAULT_CLIENT_ID)
          .contains(ZohoCrmEmulator.DEFAULT_CLIENT_SECRET)
          .contains(ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);
      String accessToken =
          banner
              .lines()
              .filter(line -> line.contains("access_token (1 h)"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElseThrow();
      var answer = new ZohoTestClient(emulator.baseUrl()).getEvent("1", accessToken);
      assertThat(answer.status()).isEqualTo(204);
    }
  }

  @Test
  void clockCanBeSetAdvancedAndReset() {
    EmulatorClock clock = new EmulatorClock();
    Instant noon = Instant.parse("2030-01-01T12:00:00Z");

    assertThat(clock.set(noon).advance(Duration.ofHours(13)).instant())
        .isEqualTo(noon.plus(Duration.ofHours(13)));
    assertThat(clock.today()).hasToString("2030-01-02");
    assertThat(clock.reset().instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    assertThat(clock.advance(Duration.ofDays(1)).instant()).isAfterOrEqualTo(tomorrow);
  }
}
