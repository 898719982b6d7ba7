package dev.zohoconnect.cancelmeeting.limits;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import java.util.OptionalInt;

/**
 * Reads {@link RuntimeSettings#MAX_CONCURRENT_CALLS}: the operator's cap on calls in flight per
 * org, which lowers an edition's limit and never raises it.
 *
 * <p>A value that is not a whole number from 1 to {@value #HIGHEST} is refused with an exception
 * rather than ignored: the operator set it to leave room for the org's other integrations, and
 * going on without it would spend their share of the allowance on this runtime's calls.
 */
final class RuntimeMaximum {

  /** The largest edition's limit (Ultimate); a higher value could not lower anything. */
  static final int HIGHEST = 25;

  private RuntimeMaximum() {}

  /**
   * The cap, or empty when the setting is absent.
   *
   * @throws IllegalStateException naming the setting, when its value is not a whole number from 1
   *     to {@value #HIGHEST}
   */
  static OptionalInt read(RuntimeSettings settings) {
    return settings
        .get(RuntimeSettings.MAX_CONCURRENT_CALLS)
        .map(value -> OptionalInt.of(parse(value)))
        .orElse(OptionalInt.empty());
  }

  private static int parse(String value) {
    int calls;
    try {
      calls = Integer.parseInt(value);
    } catch (NumberFormatException notANumber) {
      throw invalid(value);
    }
    if (calls < 1 || calls > HIGHEST) {
      throw invalid(value);
    }
    return calls;
  }

  private static IllegalStateException invalid(String value) {
    // Short values are shown to help spot the typo; anything longer is not a number of calls and
    // is not repeated, in case something else was pasted into the variable.
    String shown =
        value.length() <= 12 ? "'" + value + "'" : "a text of " + value.length() + " characters";
    return new IllegalStateException(
        "%s (system property %s) must be a whole number from 1 to %d: the most calls this runtime"
                .formatted(
                    RuntimeSettings.MAX_CONCURRENT_CALLS.environmentVariable(),
                    RuntimeSettings.MAX_CONCURRENT_CALLS.systemProperty(),
                    HIGHEST)
            + " may have in flight to one Zoho org, below the edition's limit. It is %s; fix or unset it."
                .formatted(shown));
  }
}
