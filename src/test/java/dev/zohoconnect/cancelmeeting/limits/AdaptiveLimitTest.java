package dev.zohoconnect.cancelmeeting.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AIMD rules alone, on a clock the test moves by hand (milliseconds). */
class AdaptiveLimitTest {

  private static final AdaptiveLimit.Tuning TUNING =
      AdaptiveLimit.Tuning.DEFAULT.startingAtTheMaximum();
  private static final long SECOND = 1_000;
  private static final long PROBE = TUNING.probeInterval().toMillis();

  private long now = 1_000_000;

  @Test
  void withoutWarmUpStartsAtTheMaximum() {
    assertThat(new AdaptiveLimit(10, TUNING, now).value()).isEqualTo(10);
  }

  @Test
  void warmingUpItStartsAtOneAndGrowsAStepPerRoundOfAnswersWithoutWaiting() {
    AdaptiveLimit limit = new AdaptiveLimit(4, AdaptiveLimit.Tuning.DEFAULT, now);
    List<Integer> values = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      values.add(limit.value());
      for (int answered = limit.value(); answered > 0; answered--) {
        limit.onAnswered(true, 4, now); // the same instant: no growth interval applies
      }
    }
    assertThat(values).containsExactly(1, 2, 3, 4, 4);
  }

  @Test
  void theFirstRefusalEndsTheWarmUp() {
    AdaptiveLimit limit = new AdaptiveLimit(25, AdaptiveLimit.Tuning.DEFAULT, now);
    for (int answered = 0; answered < 1 + 2 + 3 + 4 + 5 + 6 + 7; answered++) {
      limit.onAnswered(true, 25, now);
    }
    assertThat(limit.value()).isEqualTo(8);
    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).isEqualTo(4);
    for (int answered = 0; answered < 40; answered++) {
      limit.onAnswered(true, 25, now);
    }
    assertThat(limit.value()).as("growth waits for its interval again").isEqualTo(4);
    limit.onAnswered(true, 25, now + 1_000);
    assertThat(limit.value()).isEqualTo(5);
  }

  @Test
  void aRefusalHalvesTheLimitAndNeverGoesBelowOne() {
    AdaptiveLimit limit = new AdaptiveLimit(10, TUNING, now);
    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).isEqualTo(5);
    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).isEqualTo(2);
    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).isEqualTo(1);
    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).isEqualTo(1);
  }

  @Test
  void aRefusalLowersASmallLimitByOneAtLeast() {
    AdaptiveLimit limit =
        new AdaptiveLimit(
            3,
            new AdaptiveLimit.Tuning(
                0.9, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), false),
            now);
    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).isEqualTo(2);
  }

  @Test
  void refusalsOfCallsGrantedBeforeADecreaseDoNotShrinkItAgain() {
    AdaptiveLimit limit = new AdaptiveLimit(20, TUNING, now);
    long burst = limit.window();
    for (int refused = 0; refused < 15; refused++) {
      limit.onRefused(burst, now);
    }
    assertThat(limit.value()).as("one burst of 429s, one decrease").isEqualTo(10);

    limit.onRefused(limit.window(), now);
    assertThat(limit.value()).as("a call granted under the new limit is new evidence").isEqualTo(5);
  }

  @Test
  void growsOneStepPerIntervalOnlyAfterAsManySaturatedAnswersAsTheLimit() {
    AdaptiveLimit limit = refusedOnceFrom(10); // now 5, last refused at 10

    answerSaturated(limit, 4);
    now += 10 * SECOND;
    answerSaturated(limit, 0);
    assertThat(limit.value()).as("4 answers are fewer than the limit of 5").isEqualTo(5);
    answerSaturated(limit, 1);
    assertThat(limit.value()).isEqualTo(6);

    answerSaturated(limit, 6);
    assertThat(limit.value()).as("enough answers, but within the same second").isEqualTo(6);
    now += SECOND;
    answerSaturated(limit, 1);
    assertThat(limit.value()).isEqualTo(7);
  }

  @Test
  void answersGrantedWithFreeSlotsDoNotGrowIt() {
    AdaptiveLimit limit = refusedOnceFrom(10);
    for (int i = 0; i < 100; i++) {
      now += SECOND;
      limit.onAnswered(false, 10, now);
    }
    assertThat(limit.value()).as("a limit nobody reaches proves nothing").isEqualTo(5);
  }

  @Test
  void belowTheRefusedLevelItGrowsFastAtItAndAboveOnlyByProbes() {
    AdaptiveLimit limit = refusedOnceFrom(10);
    for (int step = 0; step < 4; step++) {
      now += SECOND;
      answerSaturated(limit, limit.value());
    }
    assertThat(limit.value()).as("5 s after the refusal: back to one below its level").isEqualTo(9);

    now += PROBE - SECOND;
    answerSaturated(limit, limit.value());
    assertThat(limit.value()).as("the level Zoho refused waits for a probe").isEqualTo(9);
    now += SECOND;
    answerSaturated(limit, limit.value());
    assertThat(limit.value()).isEqualTo(10);

    now += SECOND;
    answerSaturated(limit, limit.value());
    assertThat(limit.value()).as("above it, still one probe at a time").isEqualTo(10);
    now += PROBE;
    answerSaturated(limit, limit.value());
    assertThat(limit.value()).isEqualTo(11);
  }

  @Test
  void neverGrowsAboveTheCallersMaximum() {
    AdaptiveLimit limit = new AdaptiveLimit(5, TUNING, now);
    for (int i = 0; i < 50; i++) {
      now += PROBE;
      answerSaturated(limit, 10, 5);
    }
    assertThat(limit.value()).isEqualTo(5);
  }

  @Test
  void aLowerMaximumCapsItAtOnce() {
    AdaptiveLimit limit = new AdaptiveLimit(25, TUNING, now);
    limit.capAt(10);
    assertThat(limit.value()).isEqualTo(10);
    limit.capAt(20);
    assertThat(limit.value()).as("a cap never raises").isEqualTo(10);
  }

  @Test
  void theBackoffRatioMustShrink() {
    assertThatThrownBy(
            () ->
                new AdaptiveLimit.Tuning(
                    1.0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AdaptiveLimit.Tuning(
                    0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private AdaptiveLimit refusedOnceFrom(int start) {
    AdaptiveLimit limit = new AdaptiveLimit(start, TUNING, now);
    limit.onRefused(limit.window(), now);
    return limit;
  }

  private void answerSaturated(AdaptiveLimit limit, int answers) {
    answerSaturated(limit, answers, 25);
  }

  private void answerSaturated(AdaptiveLimit limit, int answers, int maximum) {
    for (int i = 0; i < answers; i++) {
      limit.onAnswered(true, maximum, now);
    }
  }
}
