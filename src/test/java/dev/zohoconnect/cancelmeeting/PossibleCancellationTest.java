package dev.zohoconnect.cancelmeeting;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whether an earlier request may have cancelled the meeting decides what Zoho's "already cancelled"
 * means: this task's own cancellation, or someone else's. Both ways, on the wire.
 */
class PossibleCancellationTest extends ZohoWireTest {

  private static final String ALREADY_CANCELLED =
      "{\"data\":[{\"code\":\"NOT_ALLOWED\",\"details\":{},\"message\":\"The event is already cancelled\",\"status\":\"error\"}]}";
  private static final String SERVICE_UNAVAILABLE =
      "{\"code\":\"SERVICE_UNAVAILABLE\",\"details\":{},\"message\":\"try later\",\"status\":\"error\"}";

  @Test
  void aRateLimitedCallCancelsNothingSoAlreadyCancelledMeansSomeoneElse() {
    answerInTurn(
        json(
            429,
            "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"slow down\",\"status\":\"error\"}"),
        json(400, ALREADY_CANCELLED));

    ZohoConnectorException failure = cancelRefused(variables());

    assertThat(failure.getErrorCode()).isEqualTo(ErrorCodes.NOT_ALLOWED);
    assertThat(failure.getErrorVariables())
        .containsEntry("reason", "ALREADY_CANCELLED")
        .containsEntry("mayHaveCancelled", false);
  }

  @Test
  void aLostAnswerThenAnUndocumented5xxIsRecognisedByAnotherRuntime() {
    // Runtime A: the request is sent and the connection dies (the meeting may be cancelled),
    // then Zoho answers twice with a 5xx whose code is not one of Zoho's documented ones.
    answerInTurn(
        aResponseWith(Fault.CONNECTION_RESET_BY_PEER),
        json(503, SERVICE_UNAVAILABLE),
        json(503, SERVICE_UNAVAILABLE),
        json(400, ALREADY_CANCELLED));
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("sendCancellingMail", true);
    long task = 42L;

    ZohoConnectorException handedBack =
        catchThrowableOfType(
            ZohoConnectorException.class,
            () -> connector.execute(JobContexts.of(vars, SECRETS, task)));

    assertThat(handedBack.getErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(handedBack.isRetryable()).isTrue();
    assertThat(handedBack.getErrorVariables())
        .containsEntry("mayHaveCancelled", true)
        .containsEntry("mayHaveMailed", true);

    // Runtime B gets the job with the failure the runtime stored on it, and no memory of its own.
    vars.put("error", storedByTheRuntime(handedBack));
    CancelMeetingResult result =
        (CancelMeetingResult) newConnector().execute(JobContexts.of(vars, SECRETS, task));

    assertThat(result.cancelled()).isTrue();
    assertThat(result.alreadyCancelled()).isTrue();
    assertThat(result.mailStatus())
        .as("the lost request asked for the mail: whether it went out is unknown")
        .isEqualTo(MailStatus.UNKNOWN);
  }

  @Test
  void aPriorFailureWithoutThePossibleCancellationIsNotReadAsOne() {
    givenCancelAnswers(json(400, ALREADY_CANCELLED));
    Map<String, Object> vars = variables();
    // What the runtime stores after a jobError: the message only, which is never parsed.
    vars.put("error", "[ZOHO_TIMEOUT] Calling Zoho CRM to cancel meeting failed: no answer.");

    ZohoConnectorException failure = cancelRefused(vars);

    assertThat(failure.getErrorCode()).isEqualTo(ErrorCodes.NOT_ALLOWED);
  }

  /** The {@code error} variable Camunda's 8.8 runtime writes when it fails a job plainly. */
  private static Map<String, Object> storedByTheRuntime(ZohoConnectorException failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", failure.getClass().getName());
    error.put("message", failure.getMessage());
    error.put("code", failure.getErrorCode());
    error.put("variables", failure.getErrorVariables());
    return error;
  }

  private static ResponseDefinitionBuilder aResponseWith(Fault fault) {
    return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(fault);
  }

  private void answerInTurn(ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      var stub =
          post(urlPathMatching("/crm/v[0-9]+/Events/[0-9]+/actions/cancel"))
              .inScenario("answers")
              .whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
              .willReturn(answers[i]);
      if (i + 1 < answers.length) {
        stub = stub.willSetStateTo("answer " + (i + 1));
      }
      zoho.stubFor(stub);
    }
  }
}
