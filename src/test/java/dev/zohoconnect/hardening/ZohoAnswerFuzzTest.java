package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.client.ZohoAnswer;
import dev.zohoconnect.cancelmeeting.client.ZohoResponseParser;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.HttpReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever comes back (random, truncated, mutated, oversized or pathological bodies, with
 * any status), Zoho's answer is read as cancelled, refused with a code, or unreadable, and never
 * throws; only a complete success body under HTTP 400 reads as a cancellation; every reading
 * becomes an error whose variables a process can hold.
 */
class ZohoAnswerFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anyAnswerIsReadWithoutThrowingAndOnlyACompleteSuccessCancels() throws Exception {
    long seed = Fuzz.seed(getClass());
    Random random = new Random(seed);
    Map<String, Integer> readings = new TreeMap<>();

    for (int i = 0, n = Fuzz.iterations(20_000); i < n; i++) {
      int status = ZohoAnswers.status(random);
      String body = ZohoAnswers.body(random);
      Optional<Duration> retryAfter =
          random.nextInt(4) == 0
              ? Optional.of(Duration.ofSeconds(random.nextInt(3_600)))
              : Optional.empty();
      boolean oversized = random.nextInt(50) == 0;
      HttpReply reply = new HttpReply(status, oversized ? "" : body, retryAfter, oversized);
      String label =
          "seed " + seed + ", case " + i + ", HTTP " + status + ", body " + shorten(body);

      ZohoAnswer answer = ZohoResponseParser.parse(reply);

      readings.merge(answer.getClass().getSimpleName(), 1, Integer::sum);
      assertThat(answer).as(label).isNotNull();
      switch (answer) {
        case ZohoAnswer.Cancelled cancelled -> {
          assertThat(oversized).as(label).isFalse();
          assertThat(isCompleteSuccess(status, body)).as(label + " read as cancelled").isTrue();
        }
        case ZohoAnswer.Refused refused -> {
          assertThat(refused.error().code()).as(label).matches("[A-Za-z][A-Za-z0-9_]{0,63}");
          assertThat(refused.error().httpStatus()).as(label).isEqualTo(status);
          assertThat(refused.retryAfter()).as(label).isEqualTo(retryAfter.orElse(null));
          assertHoldable(
              label, ZohoConnectorException.fromZoho(refused.error(), "1", refused.retryAfter()));
        }
        case ZohoAnswer.Unreadable unreadable -> {
          assertThat(status)
              .as(label + ": a 429 keeps its meaning without a body")
              .isNotEqualTo(429);
          assertHoldable(
              label,
              ZohoConnectorException.of(
                  ErrorCodes.INVALID_RESPONSE, unreadable.problem(), status, "1", null));
        }
      }
      if (status >= 400) {
        assertThat(answer).as(label).isNotInstanceOf(ZohoAnswer.Cancelled.class);
      }
    }
    System.out.println("Zoho answer fuzz, seed " + seed + ": " + readings);
    assertThat(readings).containsKeys("Cancelled", "Refused", "Unreadable");
  }

  /** Every proper prefix of a success, whitespace aside, is unreadable: never a cancellation. */
  @Test
  void noTruncationOfASuccessReadsAsACancellation() {
    for (String success :
        List.of(
            ZohoAnswers.SUCCESS,
            "{\"data\":[{\"status\":\"success\",\"code\":\"SUCCESS\",\"message\":\"ok\",\"details\":{\"id\":\"1\"}}],\"info\":{}}")) {
      String whole = success.strip();
      for (int cut = 0; cut < whole.length(); cut++) {
        String prefix = whole.substring(0, cut);
        ZohoAnswer answer = ZohoResponseParser.parse(new HttpReply(200, prefix, Optional.empty()));
        assertThat(answer)
            .as("cut at %d: %s", cut, prefix)
            .isInstanceOf(ZohoAnswer.Unreadable.class);
      }
      assertThat(ZohoResponseParser.parse(new HttpReply(200, whole, Optional.empty())))
          .isInstanceOf(ZohoAnswer.Cancelled.class);
    }
  }

  /**
   * The oracle, from the contract: an object whose data[0] says success, and nothing says error.
   */
  private static boolean isCompleteSuccess(int status, String body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode first = root.path("data").path(0);
      return status < 400
          && root.isObject()
          && !"error".equalsIgnoreCase(root.path("status").asText())
          && first.isObject()
          && "success".equalsIgnoreCase(first.path("status").asText());
    } catch (Exception notJson) {
      return false;
    }
  }

  /** What reaches the process: a message for the incident, variables Jackson can write. */
  private static void assertHoldable(String label, ZohoConnectorException error) throws Exception {
    assertThat(error.getMessage()).as(label).isNotBlank();
    String variables = JSON.writeValueAsString(error.getErrorVariables());
    assertThat(variables.length()).as(label + ": error variables size").isLessThan(200_000);
  }

  private static String shorten(String body) {
    String shown =
        body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + " chars)" : body;
    return "[" + shown + "]";
  }
}
