package dev.zohoconnect.cancelmeeting.budget;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long one execution of a job may take, every call, wait and token renewal included.
 *
 * <p>The 8.8 connector runtime gives a job to a second execution once its job timeout (5 minutes by
 * default) has passed, whether or not the first still runs; the two would then race on one meeting.
 * The budget is therefore well below that timeout, also leaving room for the time a job waits in
 * the runtime's queue before it starts and for completing it afterwards. An operator who lowers the
 * runtime's job timeout lowers this too ({@link RuntimeSettings#EXECUTION_BUDGET}).
 */
public record ExecutionBudget(Duration duration) {

  public static final Duration DEFAULT = Duration.ofMinutes(2);
  public static final Duration MIN = Duration.ofSeconds(5);
  public static final Duration MAX = Duration.ofMinutes(30);

  public ExecutionBudget {
    if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "The execution budget must be between %d s and %d min, got %s"
              .formatted(MIN.toSeconds(), MAX.toMinutes(), duration));
    }
  }

  /**
   * The operator's setting, or the default. A value that cannot be read stops the connector from
   * starting rather than running with a budget nobody chose.
   */
  public static ExecutionBudget from(RuntimeSettings settings) {
    return settings
        .get(RuntimeSettings.EXECUTION_BUDGET)
        .map(ExecutionBudget::parse)
        .orElse(new ExecutionBudget(DEFAULT));
  }

  private static ExecutionBudget parse(String value) {
    try {
      Duration duration =
          value.chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(value))
              : Duration.parse(value);
      return new ExecutionBudget(duration);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "%s (system property %s) must be seconds or an ISO-8601 duration such as PT2M between"
                  .formatted(
                      RuntimeSettings.EXECUTION_BUDGET.environmentVariable(),
                      RuntimeSettings.EXECUTION_BUDGET.systemProperty())
              + " %d s and %d min; got \"%s\"".formatted(MIN.toSeconds(), MAX.toMinutes(), value),
          e);
    }
  }

  public Deadline startingNow(Clock clock) {
    return Deadline.after(duration, clock);
  }
}
