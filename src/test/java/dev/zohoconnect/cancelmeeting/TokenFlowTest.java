package dev.zohoconnect.cancelmeeting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OAuth refresh-token flow against Zoho's accounts server and its quirks. */
class TokenFlowTest extends ZohoWireTest {

  private static final String INVALID_TOKEN_BODY =
      "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}";

  @Test
  void refreshesWithTheGrantZohoExpectsAndCachesTheToken() {
    givenCancelAnswers(json(200, successBody()));

    cancel(variables());
    cancel(variables());
    cancel(variables());

    assertThat(tokenCalls()).isEqualTo(1);
    zoho.verify(
        postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("client_id=" + CLIENT_ID))
            .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
            .withRequestBody(containing("refresh_token=" + REFRESH_TOKEN)));
  }

  @Test
  void sixteenParallelJobsShareOneRefresh() throws Exception {
    givenTokenEndpointAnswersSlowly();
    givenCancelAnswers(json(200, successBody()));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cancel(variables());
                }));
      }
      start.countDown();
      for (Future<Object> result : results) {
        assertThat(((CancelMeetingResult) result.get()).cancelled()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenCalls()).isEqualTo(1);
    assertThat(cancelCalls()).isEqualTo(16);
  }

  @Test
  void renewsShortlyBeforeExpiryNotAfter() {
    givenCancelAnswers(json(200, successBody()));

    cancel(variables());
    clock.advance(Duration.ofMinutes(54));
    cancel(variables());
    assertThat(tokenCalls()).as("54 min into a 60 min token").isEqualTo(1);

    clock.advance(Duration.ofMinutes(2));
    cancel(variables());
    assertThat(tokenCalls()).as("4 min before expiry").isEqualTo(2);
  }

  @Test
  void invalidTokenIsAnsweredByOneRefreshAndOneRetry() {
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .inScenario("tokens")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(200, tokenJson(ACCESS_TOKEN, 3600)))
            .willSetStateTo("revoked"));
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .inScenario("tokens")
            .whenScenarioStateIs("revoked")
            .willReturn(json(200, tokenJson("1000.renewed", 3600))));
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken " + ACCESS_TOKEN))
            .willReturn(json(401, INVALID_TOKEN_BODY)));
    zoho.stubFor(
        post(urlPathMatching(".*/actions/cancel"))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken 1000.renewed"))
            .willReturn(json(200, successBody())));

    CancelMeetingResult result = (CancelMeetingResult) cancel(variables());

    assertThat(result.cancelled()).isTrue();
    assertThat(tokenCalls()).isEqualTo(2);
    assertThat(cancelCalls()).isEqualTo(2);
    cancel(variables());
    assertThat(tokenCalls()).as("the renewed token is cached").isEqualTo(2);
  }

  @Test
  void aTokenZohoKeepsRejectingFailsAfterExactlyOneRefresh() {
    givenCancelAnswers(json(401, INVALID_TOKEN_BODY));

    ZohoConnectorException error =
        catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables()));

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.INVALID_TOKEN);
    assertThat(tokenCalls()).isEqualTo(2);
    assertThat(cancelCalls()).isEqualTo(2);
  }

  @Test
  void aSuppliedAccessTokenIsNeverRefreshed() {
    givenCancelAnswers(json(401, INVALID_TOKEN_BODY));

    ZohoConnectorException error =
        catchThrowableOfType(ZohoConnectorException.class, () -> cancel(accessTokenVariables()));

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.INVALID_TOKEN);
    assertThat(error.getMessage()).contains("refresh-token authentication");
    assertThat(tokenCalls()).isZero();
    zoho.verify(
        postRequestedFor(urlPathMatching(".*/actions/cancel"))
            .withHeader("Authorization", equalTo("Zoho-oauthtoken " + SUPPLIED_ACCESS_TOKEN)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"error\":\"invalid_client\"}|ZOHO_OAUTH_INVALID_CLIENT|data center",
        "{\"error\":\"invalid_code\"}|ZOHO_OAUTH_INVALID_REFRESH_TOKEN|generate a new one",
        "{\"error\":\"Access Denied\",\"error_description\":\"You have made too many requests continuously.\"}|ZOHO_OAUTH_RATE_LIMITED|10 token refreshes",
        "{\"error\":\"unsupported_grant_type\"}|ZOHO_OAUTH_ERROR|unsupported_grant_type",
        "<html>Access Denied</html>|ZOHO_OAUTH_RATE_LIMITED|10 token refreshes",
        "{\"token_type\":\"Bearer\"}|ZOHO_OAUTH_UNAVAILABLE|without access_token"
      })
  void http200TokenErrorsBecomeClearErrors(String body, String code, String hint) {
    givenTokenEndpointAnswers(body);

    ZohoConnectorException error =
        catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables()));

    assertThat(error.getErrorCode()).isEqualTo(code);
    assertThat(error.getMessage()).contains(hint);
    assertThat(error.getErrorVariables()).containsEntry("meetingId", MEETING_ID).containsEntry("httpStatus", 200);
    assertThat(cancelCalls()).isZero();
  }

  @Test
  void aFailedRefreshIsSharedNotRepeatedByEveryWaitingJob() {
    givenTokenEndpointAnswers("{\"error\":\"invalid_code\"}");

    for (int i = 0; i < 5; i++) {
      catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables()));
    }

    assertThat(tokenCalls()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(11));
    catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables()));
    assertThat(tokenCalls()).as("asked again after the cool-down").isEqualTo(2);
  }

  @Test
  void accountsServerDownIsTransient() {
    zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));

    ZohoConnectorException error =
        catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables()));

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_UNAVAILABLE);
    assertThat(error.getErrorVariables()).containsEntry("retryable", true);
  }

  private void givenTokenEndpointAnswersSlowly() {
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(json(200, tokenJson(ACCESS_TOKEN, 3600)).withFixedDelay(300)));
  }
}
