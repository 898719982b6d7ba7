package dev.zohoconnect.cancelmeeting.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import dev.zohoconnect.cancelmeeting.http.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming read of the plain success answer never disagrees with the full reading. */
class PlainSuccessTest {

  private static final JsonFactory JSON = new JsonFactory();

  private static final String ZOHO_SUCCESS =
      "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"4876876000001563018\"},"
          + "\"message\":\"The event is successfully cancelled\",\"status\":\"success\"}]}";

  @Test
  void zohosSuccessAnswerIsReadWithoutATree() {
    assertThat(PlainSuccess.read(JSON, ZOHO_SUCCESS))
        .isEqualTo(new ZohoAnswer.Cancelled("SUCCESS", "The event is successfully cancelled"))
        .isEqualTo(ZohoResponseParser.read(reply(200, ZOHO_SUCCESS)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"data\":[{\"code\":\"SUCCESS\",\"status\":\"success\"}],\"info\":{}}",
        "{\"status\":\"error\",\"data\":[{\"status\":\"success\"}]}",
        "{\"data\":[{\"status\":\"success\"},{\"status\":\"error\",\"code\":\"X\"}]}",
        "{\"data\":[{\"status\":\"success\",\"status\":\"error\",\"code\":\"NOT_ALLOWED\"}]}",
        "{\"data\":[{\"code\":\"A\",\"code\":\"B\",\"status\":\"success\"}]}",
        "{\"data\":[{\"code\":7,\"status\":\"success\"}]}",
        "{\"data\":[{\"message\":null,\"status\":\"success\"}]}",
        "{\"data\":[{\"status\":\"success\"}]} trailing",
        "{\"data\":[{\"status\":\"success\"}]}{}",
        "{\"data\":[{\"status\":\"success\",\"extra\":1}]}",
        "{\"data\":[{\"status\":\"success\"}",
        "{\"data\":[]}",
        "{\"data\":{\"status\":\"success\"}}",
      })
  void anythingElseIsLeftToTheFullReading(String body) {
    assertThat(PlainSuccess.read(JSON, body)).isNull();
  }

  /**
   * Random edits of the success answer: whatever the streaming read accepts, the tree reads alike.
   */
  @Test
  void whatTheStreamingReadAcceptsTheFullReadingReadsAlike() {
    Random random = new Random(20261206);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      String body = mutated(random);
      ZohoAnswer.Cancelled plain = PlainSuccess.read(JSON, body);
      if (plain != null) {
        accepted++;
        assertThat(ZohoResponseParser.read(reply(200, body))).as(body).isEqualTo(plain);
      }
    }
    assertThat(accepted).as("edits the streaming read still accepts").isGreaterThan(1_000);
  }

  private static String mutated(Random random) {
    List<String> fields =
        new ArrayList<>(
            List.of(
                "\"code\":\"SUCCESS\"",
                "\"details\":{\"id\":\"1\",\"nested\":[1,{\"a\":null}]}",
                "\"message\":\"The event is \\\"successfully\\\" cancelled\"",
                "\"status\":\"success\""));
    String[] edits = {
      "\"status\":\"SUCCESS\"", "\"status\":\"error\"", "\"status\":1", "\"code\":null",
      "\"code\":\"NOT_ALLOWED\"", "\"message\":[]", "\"details\":\"x\"",
          "\"st\\u0061tus\":\"success\"",
      "\"other\":true", "\"code\":\"SUCCESS\"",
    };
    for (int e = random.nextInt(3); e > 0; e--) {
      String edit = edits[random.nextInt(edits.length)];
      switch (random.nextInt(3)) {
        case 0 -> fields.add(random.nextInt(fields.size() + 1), edit);
        case 1 -> fields.set(random.nextInt(fields.size()), edit);
        default -> fields.remove(random.nextInt(fields.size()));
      }
    }
    java.util.Collections.shuffle(fields, random);
    String item = "{" + String.join(random.nextBoolean() ? "," : " , ", fields) + "}";
    String body = "{\"data\":[" + item + (random.nextInt(8) == 0 ? ",{}" : "") + "]}";
    return switch (random.nextInt(12)) {
      case 0 -> " \n" + body + "\n";
      case 1 -> body.substring(0, random.nextInt(body.length()));
      case 2 -> body + "x";
      default -> body;
    };
  }

  private static HttpReply reply(int status, String body) {
    return new HttpReply(status, body, Optional.empty());
  }
}
