package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.emulator.crm.CrmUser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyMailLimitTest extends EmulatorTestBase {

  private static final String DAILY_LIMIT_EXCEEDED =
      """
            {"code":"DAILY_LIMIT_EXCEEDED","details":{},\
            "message":"You have reached the daily limit for sending emails","status":"error"}""";

  @BeforeEach
  void lateEveningWithThreeMeetings() {
    moveClockTo(Instant.parse("2030-03-10T22:00:00Z"));
    emulator.users().update(ZohoCrmEmulator.DEFAULT_USER_ID, user -> user.withDailyMailLimit(2));
    putUpcomingMeeting("1");
    putUpcomingMeeting("2");
    putUpcomingMeeting("3");
  }

  @Test
  void mailBeyondTheDailyLimitIsRefusedAndNothingIsCancelled() throws IOException {
    assertThat(client.cancel("1", true, token).status()).isEqualTo(200);
    assertThat(client.cancel("2", true, token).status()).isEqualTo(200);

    assertJsonAnswer(client.cancel("3", true, token), 400, DAILY_LIMIT_EXCEEDED);
    assertThat(emulator.meetings().isCancelled("3")).isFalse();
    assertThat(emulator.counters().mailsSent(ZohoCrmEmulator.DEFAULT_USER_ID)).isEqualTo(2);
  }

  @Test
  void cancellingWithoutMailStillWorksAtTheLimit() throws IOException {
    emulator.mailQuota().setSentOn(ZohoCrmEmulator.DEFAULT_USER_ID, emulator.clock().today(), 2);

    assertThat(client.cancel("1", false, token).status()).isEqualTo(200);
    assertThat(emulator.meetings().isCancelled("1")).isTrue();
  }

  @Test
  void counterStartsAgainOnTheNextDayOfTheEmulatorClock() throws IOException {
    emulator.mailQuota().setSentOn(ZohoCrmEmulator.DEFAULT_USER_ID, emulator.clock().today(), 2);
    assertThat(client.cancel("1", true, token).status()).isEqualTo(400);

    advanceClock(Duration.ofHours(2));

    assertThat(client.cancel("1", true, token).status()).isEqualTo(200);
  }

  @Test
  void limitIsPerUser() throws IOException {
    emulator.mailQuota().setSentOn(ZohoCrmEmulator.DEFAULT_USER_ID, emulator.clock().today(), 2);
    emulator.users().put(CrmUser.of("4876876000000225002", "Colleague", "colleague@example.com"));
    String colleague = emulator.issueAccessToken("4876876000000225002", "ZohoCRM.Modules.ALL");

    assertThat(client.cancel("1", true, colleague).status()).isEqualTo(200);
    assertThat(emulator.counters().mailsSent("4876876000000225002")).isEqualTo(1);
  }

  @Test
  void defaultLimitIsFifty() {
    assertThat(CrmUser.of("1", "n", "e").dailyMailLimit()).isEqualTo(50);
  }
}
