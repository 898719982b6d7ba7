package dev.zohoconnect.cancelmeeting.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ZOHO_CONNECTOR_MAX_CONCURRENT_CALLS: read once, a whole number from 1 to 25 or an error. */
class RuntimeMaximumTest {

  private static final String VARIABLE = "ZOHO_CONNECTOR_MAX_CONCURRENT_CALLS";

  @Test
  void absentMeansNoCap() {
    assertThat(RuntimeMaximum.read(RuntimeSettings.of(Map.of()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "3", " 7 ", "25"})
  void aWholeNumberFromOneToTwentyFiveIsTheCap(String value) {
    assertThat(RuntimeMaximum.read(RuntimeSettings.of(Map.of(VARIABLE, value))))
        .isEqualTo(OptionalInt.of(Integer.parseInt(value.trim())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "26", "100", "2.5", "five", "5 calls", "0x05"})
  void anythingElseIsAConfigurationErrorNamingTheSetting(String value) {
    assertThatThrownBy(
            () ->
                ConcurrencyGovernor.create(
                    RuntimeSettings.of(Map.of(VARIABLE, value)), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(VARIABLE)
        .hasMessageContaining("zoho.connector.max-concurrent-calls")
        .hasMessageContaining("from 1 to 25")
        .hasMessageContaining("'" + value + "'");
  }

  @Test
  void aLongValueIsNotRepeatedInTheMessage() {
    String pasted = "1000.abcdef0123456789abcdef0123456789";
    assertThatThrownBy(() -> RuntimeMaximum.read(RuntimeSettings.of(Map.of(VARIABLE, pasted))))
        .hasMessageNotContaining(pasted)
        .hasMessageNotContaining("abcdef");
  }

  @Test
  void theCreatedGovernorAppliesTheCap() {
    ConcurrencyGovernor governor =
        ConcurrencyGovernor.create(RuntimeSettings.of(Map.of(VARIABLE, "2")), Clock.systemUTC());
    Deadline now = Deadline.after(Duration.ZERO, Clock.systemUTC());
    List<Integer> inFlightPerRound = new ArrayList<>();
    // Rounds of calls, all answered: the limit warms up from 1 and stops at the cap.
    for (int round = 0; round < 5; round++) {
      List<Permit> permits = new ArrayList<>();
      while (governor.acquire("org", 10, now, Duration.ZERO) instanceof Permit permit) {
        permits.add(permit);
      }
      inFlightPerRound.add(permits.size());
      permits.forEach(permit -> permit.release(CallOutcome.ANSWERED));
    }
    assertThat(inFlightPerRound).containsExactly(1, 2, 2, 2, 2);
  }
}
