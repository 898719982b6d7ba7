package dev.zohoconnect.cancelmeeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MeetingIds#isValid} checks without a regex what {@link MeetingIds#RECORD_ID_REGEX} says.
 */
class MeetingIdsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4876876000001563018",
        "1",
        "9223372036854775807",
        "0000000000000000001",
        "",
        "0",
        "00",
        "9223372036854775808",
        "99999999999999999999",
        "12345678901234567890",
        "123\n",
        "\n123",
        " 123",
        "123 ",
        "12a3",
        "-123",
        "+123",
        "١٢٣",
        "１２３",
        "12.3",
        "4876876000001563018/actions",
        "../1",
        "%31"
      })
  void agreesWithTheRegexAndTheRange(String id) {
    boolean byRegex = id.matches(MeetingIds.RECORD_ID_REGEX) && !id.matches("0+") && fitsInLong(id);
    assertThat(MeetingIds.isValid(id)).as("'%s'", id).isEqualTo(byRegex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4876876000001563018", "1"})
  void acceptsRecordIds(String id) {
    assertThat(MeetingIds.isValid(id)).isTrue();
  }

  @org.junit.jupiter.api.Test
  void refusesNull() {
    assertThat(MeetingIds.isValid(null)).isFalse();
  }

  private static boolean fitsInLong(String digits) {
    try {
      Long.parseLong(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
