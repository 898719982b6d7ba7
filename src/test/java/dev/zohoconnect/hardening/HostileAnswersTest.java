package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.support.JobContexts;
import dev.zohoconnect.cancelmeeting.support.LogCapture;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers no Zoho server sends but a proxy, a broken server or an attacker in between can: they end
 * in the connector's own errors, retried or raised as usual, never in an exception the runtime
 * turns into an incident of its own.
 */
class HostileAnswersTest extends ZohoWireTest {

  private static final String TOO_MANY =
      "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many\",\"status\":\"error\"}";

  /**
   * Zeebe cannot wait for ever: a Retry-After of centuries made the runtime fail the job with "long
   * overflow" and no retries.
   */
  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"9223372036854775807", "315360000", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void anAbsurdRetryAfterIsCappedAtAnHour(String retryAfter) {
    givenCancelAnswers(json(429, TOO_MANY).withHeader("Retry-After", retryAfter));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.TOO_MANY_REQUESTS);
    assertThat(error.retryAfter()).contains(Duration.ofHours(1));
    assertThat(error.getErrorVariables())
        .containsEntry("retryAfterSeconds", 3600L)
        .containsEntry("retryBackoff", "PT1H");
  }

  /**
   * Zoho documents one hour; a number no clock can add (or a negative one) made the token client
   * throw an arithmetic exception past the connector's error handling.
   */
  @ParameterizedTest(name = "expires_in: {0}")
  @ValueSource(strings = {"9223372036854775807", "1e300", "-3600", "0"})
  void anAbsurdTokenLifetimeIsReadAsZohosHour(String expiresIn) {
    givenTokenEndpointAnswers(
        "{\"access_token\":\"%s\",\"expires_in\":%s,\"token_type\":\"Bearer\"}"
            .formatted(ACCESS_TOKEN, expiresIn));
    givenCancelAnswers(json(200, successBody()));

    CancelMeetingResult first = cancelMeeting(variables());
    clock.advance(Duration.ofMinutes(50));
    CancelMeetingResult second = cancelMeeting(variables());

    assertThat(first.cancelled()).isTrue();
    assertThat(second.cancelled()).isTrue();
    assertThat(tokenCalls()).as("the token is cached for Zoho's hour").isEqualTo(1);
  }

  /**
   * A token a header cannot carry made the JDK's request builder throw an exception that quotes the
   * whole header, token included, into the runtime's log and the incident.
   */
  @ParameterizedTest(name = "access_token {0}")
  @ValueSource(
      strings = {"1000.abc\\ndef", "1000.abc\\u0001def", "1000.abc\\u4e00def", " 1000.abc def"})
  void aTokenNoHeaderCanCarryFromTheAccountsServerIsItsFailureNotALeak(String jsonToken) {
    givenTokenEndpointAnswers("{\"access_token\":\"%s\",\"expires_in\":3600}".formatted(jsonToken));
    givenCancelAnswers(json(200, successBody()));

    ZohoConnectorException error;
    List<String> logs;
    try (LogCapture capture = new LogCapture()) {
      error = cancelRefused(variables());
      logs = capture.lines();
    }

    assertThat(error).as("the connector's own error").isNotNull();
    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_UNAVAILABLE);
    assertThat(error.getMessage()).contains("access token").doesNotContain("1000.abc");
    assertThat(String.valueOf(error.getErrorVariables())).doesNotContain("1000.abc");
    assertThat(logs).noneMatch(line -> line.contains("1000.abc"));
    assertThat(cancelCalls()).isZero();
  }

  /** The common copy-paste mistake: a secret stored with its line break. */
  @ParameterizedTest(name = "supplied token + {0}")
  @ValueSource(strings = {"\n", "\r\n", " ", "\t"})
  void aSuppliedTokenWithWhitespaceIsAnInputErrorThatDoesNotQuoteIt(String suffix) {
    Map<String, String> secrets = new HashMap<>(SECRETS);
    secrets.put("ZOHO_ACCESS_TOKEN", SUPPLIED_ACCESS_TOKEN + suffix);

    Throwable error;
    List<String> logs;
    try (LogCapture capture = new LogCapture()) {
      error =
          catchThrowableOfType(
              ConnectorInputException.class,
              () -> connector.execute(JobContexts.of(accessTokenVariables(), secrets)));
      logs = capture.lines();
    }

    assertThat(error).as("an input error: an incident at once, no retries").isNotNull();
    assertThat(error.getMessage())
        .contains("authentication.accessToken")
        .doesNotContain(SUPPLIED_ACCESS_TOKEN);
    assertThat(logs).noneMatch(line -> line.contains(SUPPLIED_ACCESS_TOKEN));
    assertThat(zoho.getAllServeEvents()).as("no call reaches Zoho").isEmpty();
  }

  /**
   * Zeebe refuses a command over 4 MB: a BPMN error carrying a 5 MB Zoho message was never
   * accepted, and the job stayed activated, timed out, ran again, for ever. Nor should an endless
   * body fill the runtime's memory.
   */
  @Test
  void anOversizedErrorAnswerIsNotCarriedIntoTheErrorVariables() throws Exception {
    String huge = "x".repeat(5_000_000);
    givenCancelAnswers(
        json(
            400,
            "{\"code\":\"NOT_ALLOWED\",\"details\":{\"why\":\"%s\"},\"message\":\"%s\",\"status\":\"error\"}"
                .formatted(huge, huge)));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.HTTP_ERROR);
    assertThat(error.getMessage()).contains("larger than").hasSizeLessThan(1_000);
    assertThat(new ObjectMapper().writeValueAsString(error.getErrorVariables()))
        .hasSizeLessThan(1_000);
  }

  @Test
  void anOversizedSuccessIsAnUnreadableAnswerRetriedLikeAnyOther() {
    givenCancelAnswers(
        json(
            200,
            "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{},\"message\":\"%s\",\"status\":\"success\"}]}"
                .formatted("y".repeat(3_000_000))));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.INVALID_RESPONSE);
    assertThat(error.getErrorVariables()).containsEntry("retryable", true);
    assertThat(cancelCalls()).isEqualTo(3);
  }

  /**
   * Zoho's contract: a top-level status "error" makes the answer an error, whatever data says.
   * Without a code it was skipped, and a success item in data completed the task.
   */
  @Test
  void anErrorWithoutACodeIsNeverReadAsACancellation() {
    givenCancelAnswers(
        json(
            200,
            "{\"status\":\"error\",\"code\":{},\"data\":[{\"code\":\"SUCCESS\",\"status\":\"success\"}]}"));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error).as("not a cancellation").isNotNull();
    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.INVALID_RESPONSE);
    assertThat(error.getMessage()).contains("an error without a usable code");
  }

  /**
   * A code that is not a word (empty, garbled, with spaces or foreign letters) would become a BPMN
   * error code no boundary event names; it is an unreadable answer instead.
   */
  @ParameterizedTest(name = "code \"{0}\"")
  @ValueSource(
      strings = {
        "",
        " ",
        "NOT ALLOWED",
        "1%00",
        "INVALID_T\\u00d6KEN",
        "\\u03c6\\u2d13",
        "-980758536295240607"
      })
  void anErrorWhoseCodeIsNotAWordIsRaisedWithTheConnectorsCode(String code) {
    givenCancelAnswers(
        json(
            400,
            "{\"code\":\"%s\",\"details\":{},\"message\":\"?\",\"status\":\"error\"}"
                .formatted(code)));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.HTTP_ERROR);
  }

  @Test
  void anErrorWithAnEndlessCodeIsRaisedWithTheConnectorsCode() {
    givenCancelAnswers(
        json(400, "{\"code\":\"%s\",\"status\":\"error\"}".formatted("X".repeat(20_000))));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.HTTP_ERROR);
  }
}
