package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the job's variables hold, the connector either cancels the meeting it was
 * given or raises its own error; bad input is an input error (an incident at once) that names a
 * field and makes no call; a call only ever goes to the cancel path with a digits-only id; no
 * message quotes a secret.
 *
 * <p>Variables are the template's, bound by the runtime's own context (secret replacement, Jackson,
 * Bean Validation), then mutated at random: removed, retyped, or set to values FEEL or a careless
 * modeler produces. The custom endpoints stay pointed at the local stand-in, so nothing leaves the
 * machine; {@link EndpointPolicyFuzzTest} covers the URLs.
 */
class InputBindingFuzzTest extends ZohoWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CANCEL =
      Pattern.compile("/crm/v[78]/Events/([0-9]{1,19})/actions/cancel");
  private static final List<String> SECRET_VALUES =
      List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, SUPPLIED_ACCESS_TOKEN);
  private static final List<String> FIELDS =
      List.of(
          "meeting",
          "authentication",
          "dataCenter",
          "options",
          "meetingId",
          "sendCancellingMail",
          "clientId",
          "clientSecret",
          "refreshToken",
          "accessToken",
          "type",
          "apiVersion",
          "cancelledBy",
          "alreadyCancelledIsSuccess",
          "cancelWithoutMailOnDailyLimit",
          "connectTimeoutSeconds",
          "readTimeoutSeconds",
          // the runtime's secret replacement names the secret instead
          "Secret with name");
  private static final List<String> PATHS =
      List.of(
          "meeting.meetingId",
          "meeting.meetingId",
          "meeting.meetingId",
          "meeting.sendCancellingMail",
          "meeting.sendCancellingMail",
          "meeting",
          "authentication.type",
          "authentication.clientId",
          "authentication.clientSecret",
          "authentication.refreshToken",
          "authentication.accessToken",
          "authentication",
          "dataCenter",
          "options.apiVersion",
          "options.cancelledBy",
          "options.alreadyCancelledIsSuccess",
          "options.cancelWithoutMailOnDailyLimit",
          "options.connectTimeoutSeconds",
          "options.readTimeoutSeconds",
          "options",
          "unknownField",
          "meeting.unknownField");

  @Test
  void anyInputEndsInACancellationOrTheConnectorsOwnErrorAndNeverInAStrayCall() throws Exception {
    long seed = Fuzz.seed(getClass());
    Random random = new Random(seed);
    givenCancelAnswers(json(200, successBody()));
    Map<String, Integer> outcomes = new TreeMap<>();
    try (var console = LogLevels.consoleMuted()) {
      fuzz(seed, random, outcomes);
    }
    System.out.println("Input binding fuzz, seed " + seed + ": " + outcomes);
    assertThat(outcomes)
        .as("the fuzz reached both valid and invalid input")
        .containsKeys("cancelled", "ConnectorInputException");
  }

  private void fuzz(long seed, Random random, Map<String, Integer> outcomes) throws Exception {
    for (int i = 0, n = Fuzz.iterations(800); i < n; i++) {
      Map<String, Object> vars = random.nextInt(4) == 0 ? accessTokenVariables() : variables();
      List<String> edits = new ArrayList<>();
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        edits.add(edit(random, vars));
      }
      String label = "seed " + seed + ", case " + i + ", " + edits;
      zoho.resetRequests();

      Object result = null;
      Throwable error = null;
      try {
        result = cancel(vars);
      } catch (Throwable thrown) {
        error = thrown;
      }
      List<ServeEvent> calls = zoho.getAllServeEvents();

      if (error == null) {
        outcomes.merge("cancelled", 1, Integer::sum);
        assertThat(result).as(label).isInstanceOf(CancelMeetingResult.class);
        assertCancelledWhatItWasGiven(label, vars, (CancelMeetingResult) result, calls);
      } else {
        assertThat(error)
            .as(label + " ended in " + error)
            .isInstanceOfAny(ConnectorInputException.class, ZohoConnectorException.class);
        outcomes.merge(error.getClass().getSimpleName(), 1, Integer::sum);
        assertNoSecretIn(label, error);
        if (error instanceof ConnectorInputException) {
          assertThat(calls).as(label + ": bad input makes no call").isEmpty();
          String message = error.getMessage();
          assertThat(FIELDS)
              .as(label + ": '" + message + "' names a field")
              .anyMatch(message::contains);
        }
      }
      for (ServeEvent call : calls) {
        String path = call.getRequest().getUrl();
        assertThat(path.equals(TOKEN_PATH) || CANCEL.matcher(path).matches())
            .as(label + ": called " + path)
            .isTrue();
      }
      if (isBadMeetingId(meeting(vars)) || isBadMailFlag(meeting(vars))) {
        assertThat(error)
            .as(label + ": a bad id or mail flag is an input error")
            .isInstanceOf(ConnectorInputException.class);
      }
    }
  }

  private void assertCancelledWhatItWasGiven(
      String label, Map<String, Object> vars, CancelMeetingResult result, List<ServeEvent> calls)
      throws Exception {
    List<ServeEvent> cancels =
        calls.stream().filter(c -> CANCEL.matcher(c.getRequest().getUrl()).matches()).toList();
    assertThat(cancels).as(label).hasSize(1);
    Matcher path = CANCEL.matcher(cancels.getFirst().getRequest().getUrl());
    assertThat(path.matches()).isTrue();
    assertThat(path.group(1)).as(label).isEqualTo(result.meetingId());
    Object givenId = meeting(vars).get("meetingId");
    if (givenId instanceof String id) {
      assertThat(path.group(1)).as(label).isEqualTo(id);
    }
    JsonNode body = JSON.readTree(cancels.getFirst().getRequest().getBodyAsString());
    JsonNode mail = body.path("data").path(0).path("send_cancelling_mail");
    assertThat(mail.isBoolean()).as(label).isTrue();
    assertThat(mail.booleanValue()).as(label).isEqualTo(meeting(vars).get("sendCancellingMail"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> meeting(Map<String, Object> vars) {
    return vars.get("meeting") instanceof Map<?, ?> meeting ? (Map<String, Object>) meeting : null;
  }

  private static boolean isBadMeetingId(Map<String, Object> meeting) {
    if (meeting == null || !(meeting.get("meetingId") instanceof String id)) {
      return false; // other shapes are checked by outcome, not predicted here
    }
    if (!id.matches("[0-9]{1,19}")) {
      return true;
    }
    try {
      return Long.parseLong(id) <= 0;
    } catch (NumberFormatException tooLarge) {
      return true;
    }
  }

  private static boolean isBadMailFlag(Map<String, Object> meeting) {
    return meeting != null && !(meeting.get("sendCancellingMail") instanceof Boolean);
  }

  private static void assertNoSecretIn(String label, Throwable error) throws Exception {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    if (error instanceof ConnectorException e && e.getErrorVariables() != null) {
      text.append(JSON.writeValueAsString(e.getErrorVariables()));
    }
    for (String secret : SECRET_VALUES) {
      assertThat(text.toString()).as(label).doesNotContain(secret);
    }
  }

  /** Removes or replaces the value at a random path; returns what it did. */
  @SuppressWarnings("unchecked")
  private static String edit(Random random, Map<String, Object> vars) {
    String path = Fuzz.pick(random, PATHS);
    String[] parts = path.split("\\.");
    Map<String, Object> parent = vars;
    if (parts.length == 2) {
      if (!(vars.get(parts[0]) instanceof Map<?, ?> section)) {
        return path + ": parent not an object";
      }
      parent = (Map<String, Object>) section;
    }
    String key = parts[parts.length - 1];
    if (random.nextInt(5) == 0) {
      parent.remove(key);
      return "-" + path;
    }
    Object value = path.equals("meeting.meetingId") ? meetingId(random) : Fuzz.value(random, 2);
    parent.put(key, value);
    return path + "=" + describe(value);
  }

  private static Object meetingId(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Fuzz.digits(random, 1 + random.nextInt(19));
      case 1 -> 1 + (random.nextLong() & Long.MAX_VALUE) % Long.MAX_VALUE;
      default -> Fuzz.value(random, 1);
    };
  }

  private static String describe(Object value) {
    String shown = value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
  }
}
