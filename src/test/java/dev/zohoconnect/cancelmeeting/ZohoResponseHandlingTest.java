package dev.zohoconnect.cancelmeeting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.model.MailStatus;
import dev.zohoconnect.cancelmeeting.support.JobContexts;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request on the wire, answers that are not Zoho's, transport failures and retries. */
class ZohoResponseHandlingTest extends ZohoWireTest {

  private static final String ALREADY_CANCELLED =
      "{\"data\":[{\"code\":\"NOT_ALLOWED\",\"details\":{},\"message\":\"The event is already cancelled\",\"status\":\"error\"}]}";

  @Test
  void sendsZohosExactRequestAndReturnsATypedResult() {
    givenCancelAnswers(json(200, successBody()));

    CancelMeetingResult result = cancelMeeting(variables());

    zoho.verify(
        postRequestedFor(urlEqualTo(CANCEL_PATH))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken " + ACCESS_TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson("{\"data\":[{\"send_cancelling_mail\":false}]}", false, false)));
    assertThat(result)
        .isEqualTo(
            new CancelMeetingResult(
                MEETING_ID,
                true,
                false,
                false,
                MailStatus.NOT_REQUESTED,
                "v7",
                "SUCCESS",
                "The event is successfully cancelled",
                1));
  }

  @Test
  void v8SendsCancelledByWithTheMail() {
    givenCancelAnswers(json(200, successBody()));
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("sendCancellingMail", true);
    section(vars, "options")
        .putAll(Map.of("apiVersion", "V8", "cancelledBy", "4876876000000225013"));

    CancelMeetingResult result = cancelMeeting(vars);

    zoho.verify(
        postRequestedFor(urlEqualTo("/crm/v8/Events/" + MEETING_ID + "/actions/cancel"))
            .withRequestBody(
                equalToJson(
                    "{\"data\":[{\"send_cancelling_mail\":true,\"cancelled_by\":{\"id\":\"4876876000000225013\"}}]}")));
    assertThat(result.mailStatus()).isEqualTo(MailStatus.SENT);
    assertThat(result.apiVersion()).isEqualTo("v8");
  }

  @Test
  void proxyHtml502IsTransientAndRetriedWithBackoffThenHandedToZeebe() {
    givenCancelAnswers(
        aResponse()
            .withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

    ZohoConnectorException error = failure();

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.SERVER_ERROR);
    assertThat(error.getErrorVariables())
        .containsEntry("httpStatus", 502)
        .containsEntry("retryable", true)
        .containsEntry("retryBackoff", "PT10S");
    assertThat(cancelCalls()).isEqualTo(3);
    assertThat(sleeper.waits()).hasSize(2);
    // Equal jitter: between half and all of 500 ms, then of 1 s.
    assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void html404WithoutZohoBodyIsABusinessFailure() {
    givenCancelAnswers(aResponse().withStatus(404).withBody("<html>Not Found</html>"));

    ZohoConnectorException error = failure();

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.HTTP_ERROR);
    assertThat(cancelCalls()).isEqualTo(1);
  }

  @Test
  void emptyOrTruncatedSuccessIsRetriedAndAFoundCancellationCompletes() {
    // The first answer is unreadable, so the cancellation may have happened: the retry's
    // "already cancelled" proves it did.
    stubSequence(json(200, ""), json(400, ALREADY_CANCELLED));

    assertCancelsOnTheSecondAttempt(true);
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    givenCancelAnswers(json(200, "{\"data\":[{\"code\":\"SUCC"));

    assertThat(failure().getErrorCode()).isEqualTo(ErrorCodes.INVALID_RESPONSE);
    assertThat(cancelCalls()).isEqualTo(3);
  }

  @Test
  void answerLostAfterCancellingCompletesOnRetryInsteadOfFailing() {
    stubSequence(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(400, ALREADY_CANCELLED));

    CancelMeetingResult result = cancelMeeting(variables());

    assertThat(result.alreadyCancelled()).isTrue();
    assertThat(result.zohoCode()).isEqualTo("NOT_ALLOWED");
  }

  @Test
  void alreadyCancelledWithoutPriorFailureIsNotAllowedUnlessConfigured() {
    givenCancelAnswers(json(400, ALREADY_CANCELLED));

    assertThat(failure().getErrorVariables()).containsEntry("reason", "ALREADY_CANCELLED");

    section(variablesHolder, "options").put("alreadyCancelledIsSuccess", true);
    CancelMeetingResult result = cancelMeeting(variablesHolder);
    assertThat(result.alreadyCancelled()).isTrue();
    assertThat(result.cancelled()).isTrue();
  }

  @Test
  void zeebesRetryOfATaskWhoseAnswersWereLostTreatsAlreadyCancelledAsDone() {
    // Execution 1: the request cancels the meeting but the connection drops, and so do the two
    // in-job retries. Execution 2 (Zeebe's retry of the same task) hears "already cancelled".
    stubSequence(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(400, ALREADY_CANCELLED));
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .inScenario("sequence")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ZohoConnectorException first =
        catchThrowableOfType(ZohoConnectorException.class, () -> runTask(42L));
    assertThat(first.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
    givenCancelAnswers(json(400, ALREADY_CANCELLED));

    CancelMeetingResult retry = (CancelMeetingResult) runTask(42L);

    assertThat(retry.alreadyCancelled()).isTrue();
  }

  @Test
  void anotherTaskFindingTheMeetingCancelledStillHearsNotAllowed() {
    givenCancelAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    catchThrowableOfType(ZohoConnectorException.class, () -> runTask(42L));
    givenCancelAnswers(json(400, ALREADY_CANCELLED));

    ZohoConnectorException other =
        catchThrowableOfType(ZohoConnectorException.class, () -> runTask(43L));

    assertThat(other.getErrorCode()).isEqualTo("NOT_ALLOWED");
    assertThat(other.getErrorVariables()).containsEntry("reason", "ALREADY_CANCELLED");
  }

  @Test
  void aPriorBusinessFailureDoesNotTurnAlreadyCancelledIntoSuccess() {
    givenCancelAnswers(
        json(
            400,
            "{\"data\":[{\"code\":\"NOT_ALLOWED\",\"details\":{\"reason\":\"no_participants_invited\"},\"message\":\"x\",\"status\":\"error\"}]}"));
    catchThrowableOfType(ZohoConnectorException.class, () -> runTask(42L));
    givenCancelAnswers(json(400, ALREADY_CANCELLED));

    assertThat(
            catchThrowableOfType(ZohoConnectorException.class, () -> runTask(42L)).getErrorCode())
        .isEqualTo("NOT_ALLOWED");
  }

  private Object runTask(long elementInstanceKey) {
    return connector.execute(JobContexts.of(variables(), SECRETS, elementInstanceKey));
  }

  @Test
  void readTimeoutIsTransient() {
    // Well past connect + read timeout (1 s + 1 s), so a loaded machine cannot blur the outcome.
    givenCancelAnswers(json(200, successBody()).withFixedDelay(5_000));
    section(variablesHolder, "options")
        .putAll(Map.of("readTimeoutSeconds", 1, "connectTimeoutSeconds", 1));

    ZohoConnectorException error = cancelRefused(variablesHolder);

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.TIMEOUT);
    assertThat(error.getErrorVariables()).containsEntry("retryable", true);
  }

  @Test
  void refusedConnectionIsTransient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    section(variablesHolder, "endpoints").put("apiBaseUrl", "http://127.0.0.1:" + closedPort);

    ZohoConnectorException error = cancelRefused(variablesHolder);

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void retryAfterIsHonouredInsideTheJobWhenShort() {
    stubSequence(
        json(
                429,
                "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many\",\"status\":\"error\"}")
            .withHeader("Retry-After", "3"),
        json(200, successBody()));

    CancelMeetingResult result = cancelMeeting(variables());

    assertThat(result.cancelled()).isTrue();
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void longRetryAfterIsLeftToZeebesBackoff() {
    givenCancelAnswers(aResponse().withStatus(429).withHeader("Retry-After", "120"));

    ZohoConnectorException error = failure();

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.TOO_MANY_REQUESTS);
    assertThat(error.getErrorVariables())
        .containsEntry("retryAfterSeconds", 120L)
        .containsEntry("retryBackoff", "PT2M");
    assertThat(cancelCalls()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void transientThenSuccessCompletes() {
    stubSequence(
        json(
            500,
            "{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"Internal Server Error\",\"status\":\"error\"}"),
        json(200, successBody()));

    assertCancelsOnTheSecondAttempt(false);
  }

  @Test
  void dailyMailLimitFallsBackToCancellingWithoutMailWhenAsked() {
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .withRequestBody(equalToJson("{\"data\":[{\"send_cancelling_mail\":true}]}"))
            .willReturn(
                json(
                    400,
                    "{\"code\":\"DAILY_LIMIT_EXCEEDED\",\"details\":{},\"message\":\"daily limit\",\"status\":\"error\"}")));
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .withRequestBody(equalToJson("{\"data\":[{\"send_cancelling_mail\":false}]}"))
            .willReturn(json(200, successBody())));
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("sendCancellingMail", true);
    section(vars, "options").put("cancelWithoutMailOnDailyLimit", true);

    CancelMeetingResult result = cancelMeeting(vars);

    assertThat(result.cancelled()).isTrue();
    assertThat(result.mailRequested()).isTrue();
    assertThat(result.mailStatus()).isEqualTo(MailStatus.SKIPPED_DAILY_LIMIT);
    assertThat(cancelCalls()).isEqualTo(2);
  }

  private Map<String, Object> variablesHolder = null;

  @org.junit.jupiter.api.BeforeEach
  void holdVariables() {
    variablesHolder = variables();
  }

  /** Cancels: a result on attempt 2, the meeting found already cancelled or cancelled then. */
  private void assertCancelsOnTheSecondAttempt(boolean foundAlreadyCancelled) {
    assertThat(cancelMeeting(variables()))
        .extracting(
            CancelMeetingResult::cancelled,
            CancelMeetingResult::alreadyCancelled,
            CancelMeetingResult::attempts)
        .containsExactly(true, foundAlreadyCancelled, 2);
  }

  private ZohoConnectorException failure() {
    return cancelRefused(variables());
  }

  private void stubSequence(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .inScenario("sequence")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("second"));
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .inScenario("sequence")
            .whenScenarioStateIs("second")
            .willReturn(then));
  }
}
