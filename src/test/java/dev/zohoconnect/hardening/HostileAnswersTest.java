package dev.zohoconnect.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers no Zoho server sends but a proxy, a broken server or an attacker in between can: they
 * end in the connector's own errors, retried or raised as usual, never in an exception the runtime
 * turns into an incident of its own.
 */
class HostileAnswersTest extends ZohoWireTest {

  private static final String TOO_MANY =
      "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many\",\"status\":\"error\"}";

  /**
   * Zeebe cannot wait for ever: a Retry-After of centuries made the runtime fail the job with
   * "long overflow" and no retries.
   */
  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"9223372036854775807", "315360000", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void anAbsurdRetryAfterIsCappedAtAnHour(String retryAfter) {
    givenCancelAnswers(json(429, TOO_MANY).withHeader("Retry-After", retryAfter));

    ZohoConnectorException error =
        catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables()));

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

    CancelMeetingResult first = (CancelMeetingResult) cancel(variables());
    clock.advance(Duration.ofMinutes(50));
    CancelMeetingResult second = (CancelMeetingResult) cancel(variables());

    assertThat(first.cancelled()).isTrue();
    assertThat(second.cancelled()).isTrue();
    assertThat(tokenCalls()).as("the token is cached for Zoho's hour").isEqualTo(1);
  }
}
