package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.emulator.crm.Meeting;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSeedTest extends EmulatorTestBase {

  private static final String SAMPLE = "/emulator/sample-meetings.json";

  @BeforeEach
  void seed() throws IOException {
    // The sample's upcoming meetings are in 2030; pin the clock so the file keeps working after
    // that.
    moveClockTo(Instant.parse("2029-01-01T00:00:00Z"));
    try (InputStream in = getClass().getResourceAsStream(SAMPLE)) {
      emulator.seed(in);
    }
  }

  @Test
  void getAnswersEachSeedRecordAsWritten() throws IOException {
    JsonNode seed;
    try (InputStream in = getClass().getResourceAsStream(SAMPLE)) {
      seed = new ObjectMapper().readTree(in).path("data");
    }

    assertThat(emulator.meetings().all()).hasSize(seed.size());
    for (JsonNode record : seed) {
      var answer = client.getEvent(record.path("id").asText(), token);
      assertThat(answer.json().path("data").path(0)).isEqualTo(record);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "4876876000001563018, SUCCESS, ",
    "4876876000001563019, NOT_ALLOWED, ",
    "4876876000001563020, NOT_ALLOWED, no_participants_invited",
    "4876876000001563021, NOT_ALLOWED, completed_meeting",
    "4876876000001563022, NOT_ALLOWED, no_participants_invited"
  })
  void sampleMeetingsDemonstrateTheCancelRules(String id, String code, String reason)
      throws IOException {
    JsonNode item = client.cancel(id, false, token).json().path("data").path(0);

    assertThat(item.path("code").asText()).isEqualTo(code);
    assertThat(item.path("details").path("reason").asText(null)).isEqualTo(reason);
  }

  @Test
  void seededMeetingsKeepTheirOffsets() {
    Meeting meeting = emulator.meetings().get("4876876000001563020");

    assertThat(meeting.start().getOffset().getId()).isEqualTo("+05:30");
    assertThat(meeting.hasInvitedParticipants()).isFalse();
  }
}
