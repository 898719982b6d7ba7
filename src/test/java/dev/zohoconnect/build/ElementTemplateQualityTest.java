package dev.zohoconnect.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a modeler meets in Modeler: explained fields, checks while typing, nothing half-configured.
 */
class ElementTemplateQualityTest {

  private static JsonNode template;

  @BeforeAll
  static void read() throws IOException {
    template =
        new ObjectMapper().readTree(Path.of("element-templates/cancel-zoho-meeting.json").toFile());
  }

  @Test
  void everyVisibleFieldIsExplained() {
    List<String> unexplained = new ArrayList<>();
    for (JsonNode p : template.path("properties")) {
      boolean hidden = "Hidden".equals(p.path("type").asText());
      if (!hidden
          && p.path("description").asText().isBlank()
          && p.path("tooltip").asText().isBlank()) {
        unexplained.add(p.path("id").asText());
      }
    }
    assertThat(unexplained).isEmpty();
  }

  @Test
  void everyRequiredFieldWithoutDefaultMustBeFilledIn() {
    List<String> loose = new ArrayList<>();
    for (JsonNode p : template.path("properties")) {
      boolean required = p.has("optional") && !p.path("optional").asBoolean();
      boolean hasDefault = p.has("value");
      boolean mustFill = p.path("constraints").path("notEmpty").asBoolean(false);
      if (required && !hasDefault && !mustFill) {
        loose.add(p.path("id").asText());
      }
    }
    assertThat(loose).isEmpty();
  }

  @Test
  void fieldsThatDoNotApplyAreHidden() {
    assertThat(condition("authentication.clientSecret")).contains("\"equals\":\"refreshToken\"");
    assertThat(condition("authentication.refreshToken")).contains("\"equals\":\"refreshToken\"");
    assertThat(condition("authentication.accessToken")).contains("\"equals\":\"accessToken\"");
    assertThat(condition("options.cancelledBy"))
        .contains("\"property\":\"options.apiVersion\"", "\"equals\":\"V8\"");
    assertThat(condition("endpoints.apiBaseUrl"))
        .contains("\"property\":\"endpoints.enabled\"", "\"equals\":true");
    assertThat(condition("endpoints.accountsUrl"))
        .contains("\"property\":\"endpoints.enabled\"", "\"equals\":\"refreshToken\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4876876000001563018", "1", "=meetingId", "=string(order.meetingId)"})
  void meetingIdPatternAcceptsIdsAndFeel(String value) {
    assertThat(pattern("meeting.meetingId").matcher(value).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " 123", "12345678901234567890", "1/../2", "%2F", "abc", "12.5", "-3"})
  void meetingIdPatternFlagsAnythingElseWhileTyping(String value) {
    assertThat(pattern("meeting.meetingId").matcher(value).matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "authentication.clientSecret",
        "authentication.refreshToken",
        "authentication.accessToken"
      })
  void credentialsMustBeSecretReferences(String id) {
    Pattern secret = pattern(id);
    assertThat(secret.matcher("{{secrets.ZOHO_REFRESH_TOKEN}}").matches()).isTrue();
    assertThat(secret.matcher("1000.8f2c0a9d1b7e").matches()).isFalse();
  }

  private static String condition(String id) {
    return property(id).path("condition").toString();
  }

  private static Pattern pattern(String id) {
    return Pattern.compile(property(id).path("constraints").path("pattern").path("value").asText());
  }

  private static JsonNode property(String id) {
    for (JsonNode p : template.path("properties")) {
      if (id.equals(p.path("id").asText())) {
        return p;
      }
    }
    throw new AssertionError("no property " + id);
  }
}
