package dev.zohoconnect.cancelmeeting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
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
import org.junit.jupiter.params.provider.ValueSource;

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

    CancelMeetingResult result = cancelMeeting(variables());

    assertThat(result.cancelled()).isTrue();
    assertThat(tokenCalls()).isEqualTo(2);
    assertThat(cancelCalls()).isEqualTo(2);
    cancel(variables());
    assertThat(tokenCalls()).as("the renewed token is cached").isEqualTo(2);
  }

  @Test
  void aTokenZohoKeepsRejectingFailsAfterExactlyOneRefresh() {
    givenCancelAnswers(json(401, INVALID_TOKEN_BODY));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.INVALID_TOKEN);
    assertThat(tokenCalls()).isEqualTo(2);
    assertThat(cancelCalls()).isEqualTo(2);
  }

  @Test
  void aSuppliedAccessTokenIsNeverRefreshed() {
    givenCancelAnswers(json(401, INVALID_TOKEN_BODY));

    ZohoConnectorException error = cancelRefused(accessTokenVariables());

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

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(code);
    assertThat(error.getMessage()).contains(hint);
    assertThat(error.getErrorVariables())
        .containsEntry("meetingId", MEETING_ID)
        .containsEntry("httpStatus", 200);
    assertThat(cancelCalls()).isZero();
  }

  @Test
  void aFailedRefreshIsSharedNotRepeatedByEveryWaitingJob() {
    givenTokenEndpointAnswers("{\"error\":\"invalid_code\"}");

    for (int i = 0; i < 5; i++) {
      cancelRefused(variables());
    }

    assertThat(tokenCalls()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(11));
    cancelRefused(variables());
    assertThat(tokenCalls()).as("asked again after the cool-down").isEqualTo(2);
  }

  @Test
  void accountsServerDownIsTransient() {
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_UNAVAILABLE);
    assertThat(error.getErrorVariables()).containsEntry("retryable", true);
  }

  @Test
  void aDroppedConnectionToTheAccountsServerCostsOnlyThatAttempt() {
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("back"));
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("back")
            .willReturn(json(200, tokenJson(ACCESS_TOKEN, 3600))));
    givenCancelAnswers(json(200, successBody()));

    CancelMeetingResult result = cancelMeeting(variables());

    assertThat(result.cancelled()).isTrue();
    assertThat(tokenCalls()).as("no cool-down after a call that got no answer").isEqualTo(2);
  }

  @ParameterizedTest(name = "expires_in {0} s: reused at {1} s, renewed at {2} s")
  @CsvSource({"60, 44, 46", "300, 224, 226", "3600, 3299, 3301"})
  void aShortLivedTokenIsReusedNotRefreshedByEveryJob(int expiresIn, int reusedAt, int renewedAt) {
    givenTokenEndpointAnswers(tokenJson(ACCESS_TOKEN, expiresIn));
    givenCancelAnswers(json(200, successBody()));

    cancel(variables());
    clock.advance(Duration.ofSeconds(reusedAt));
    cancel(variables());
    assertThat(tokenCalls()).as("still in use").isEqualTo(1);

    clock.advance(Duration.ofSeconds(renewedAt - reusedAt));
    cancel(variables());
    assertThat(tokenCalls()).as("renewed in the last quarter of its life").isEqualTo(2);
  }

  /**
   * Accounts server and API host in different data centers (or tokens evicted as soon as they are
   * issued): every fresh token is rejected. One job renews; the others get a retryable error for
   * the back-off window instead of a refresh each, which would exhaust Zoho's 10 per 10 minutes.
   */
  @Test
  void freshTokensZohoKeepsRejectingCostOneRenewalPerWindowNotOnePerJob() {
    givenCancelAnswers(json(401, INVALID_TOKEN_BODY));
    ZohoConnectorException first = cancelRefused(variables());
    assertThat(first.getErrorCode()).isEqualTo(ErrorCodes.INVALID_TOKEN);
    assertThat(tokenCalls()).isEqualTo(2);

    List<ZohoConnectorException> later = new ArrayList<>();
    for (int job = 0; job < 5; job++) {
      later.add(cancelRefused(variables()));
    }

    assertThat(tokenCalls()).as("no renewal inside the back-off window").isEqualTo(2);
    assertThat(later)
        .allSatisfy(
            error -> {
              assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.TOKEN_REJECTED);
              assertThat(error.getErrorVariables())
                  .containsEntry("retryable", true)
                  .containsEntry("meetingId", MEETING_ID);
              assertThat(error.retryAfter())
                  .hasValueSatisfying(
                      wait ->
                          assertThat(wait)
                              .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(90)));
              assertThat(error.getMessage()).contains("different data centers");
            });
    assertThat(cancelCalls())
        .as("only the first job in the window tried the rejected token")
        .isEqualTo(3);

    clock.advance(Duration.ofSeconds(91));
    cancelRefused(variables());
    assertThat(tokenCalls()).as("renewed once the window is over").isEqualTo(3);
  }

  @ParameterizedTest(name = "body [{0}]")
  @ValueSource(strings = {"", "{\"error\":\"too_many_requests\"}"})
  void http429FromTheTokenEndpointIsARetryableRateLimitHonouringRetryAfter(String body) {
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "30").withBody(body)));

    ZohoConnectorException error = cancelRefused(variables());

    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_RATE_LIMITED);
    assertThat(error.getErrorVariables())
        .containsEntry("retryable", true)
        .containsEntry("httpStatus", 429)
        .containsEntry("retryAfterSeconds", 30L)
        .containsEntry("retryBackoff", "PT1M");
    assertThat(tokenCalls()).as("not asked again before Retry-After").isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    cancelRefused(variables());
    assertThat(tokenCalls()).isEqualTo(2);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectFromTheAccountsServerIsNeitherFollowedNorRetried(int status) {
    WireMockServer elsewhere =
        new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    elsewhere.start();
    try {
      elsewhere.stubFor(
          post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, tokenJson(ACCESS_TOKEN, 3600))));
      zoho.stubFor(
          post(urlEqualTo(TOKEN_PATH))
              .willReturn(
                  aResponse()
                      .withStatus(status)
                      .withHeader(
                          "Location", "http://127.0.0.1:" + elsewhere.port() + TOKEN_PATH)));

      ZohoConnectorException error = cancelRefused(variables());

      assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.OAUTH_ERROR);
      assertThat(error.isRetryable()).isFalse();
      assertThat(error.getMessage())
          .contains("redirect (HTTP " + status + ")")
          .contains("accounts URL");
      assertThat(elsewhere.getAllServeEvents()).as("the credentials went nowhere else").isEmpty();
      assertThat(tokenCalls()).isEqualTo(1);
      assertThat(cancelCalls()).isZero();
    } finally {
      elsewhere.stop();
    }
  }

  private void givenTokenEndpointAnswersSlowly() {
    zoho.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(json(200, tokenJson(ACCESS_TOKEN, 3600)).withFixedDelay(300)));
  }
}
