package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.emulator.crm.CrmUser;
import dev.zohoconnect.emulator.oauth.Scopes;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiAuthenticationTest extends EmulatorTestBase {

  private static final String INVALID_TOKEN =
      "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}";
  private static final String SCOPE_MISMATCH =
      """
            {"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"invalid oauth scope to access this URL","status":"error"}""";

  @BeforeEach
  void meeting() {
    putUpcomingMeeting(MEETING_ID);
  }

  @Test
  void missingAuthorizationIsInvalidToken() throws IOException {
    var answer = cancelWithAuthorization(null);

    assertJsonAnswer(answer, 401, INVALID_TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zoho-oauthtoken 1000.unknown", "Zoho-oauthtoken", "Zoho-oauthtoken   "})
  void unknownOrEmptyTokenIsInvalidToken(String header) throws IOException {
    var answer = cancelWithAuthorization(header);

    assertJsonAnswer(answer, 401, INVALID_TOKEN);
  }

  @Test
  void tokenExpiresAfterOneHourOnTheEmulatorClock() throws IOException {
    emulator.clock().advance(Duration.ofMinutes(59));
    assertThat(client.getEvent(MEETING_ID, token).status()).isEqualTo(200);

    emulator.clock().advance(Duration.ofMinutes(1));
    assertJsonAnswer(client.cancel(MEETING_ID, false, token), 401, INVALID_TOKEN);
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @Test
  void expiredOrRevokedTokensAreInvalid() throws IOException {
    String other = emulator.issueAccessToken();
    emulator.tokens().expire(token);
    emulator.tokens().revoke(other);

    assertJsonAnswer(client.cancel(MEETING_ID, false, token), 401, INVALID_TOKEN);
    assertJsonAnswer(client.cancel(MEETING_ID, false, other), 401, INVALID_TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "Basic ", "Zoho "})
  void otherAuthorizationSchemesAreAuthenticationFailures(String scheme) throws IOException {
    var answer = cancelWithAuthorization(scheme + token);

    assertJsonAnswer(
        answer,
        401,
        """
                {"code":"AUTHENTICATION_FAILURE","details":{},"message":"Authentication failed","status":"error"}""");
  }

  @Test
  void schemeIsCaseInsensitive() throws IOException {
    var answer = cancelWithAuthorization("zoho-oauthtoken " + token);

    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {Scopes.EVENTS_READ, "ZohoCRM.users.ALL", "ZohoCRM.Modules.Contacts.ALL"})
  void cancelWithoutAnUpdateScopeIsScopeMismatch(String scope) throws IOException {
    String weak = emulator.issueAccessToken(ZohoCrmEmulator.DEFAULT_USER_ID, scope);

    assertJsonAnswer(client.cancel(MEETING_ID, false, weak), 401, SCOPE_MISMATCH);
    assertThat(emulator.meetings().isCancelled(MEETING_ID)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Scopes.MODULES_ALL,
        Scopes.EVENTS_ALL,
        Scopes.EVENTS_UPDATE,
        "zohocrm.modules.events.update"
      })
  void cancelAcceptsEachDocumentedScope(String scope) throws IOException {
    String enough = emulator.issueAccessToken(ZohoCrmEmulator.DEFAULT_USER_ID, scope);

    assertThat(client.cancel(MEETING_ID, false, enough).status()).isEqualTo(200);
  }

  @Test
  void getWithAnUnrelatedScopeIsScopeMismatch() throws IOException {
    String unrelated =
        emulator.issueAccessToken(ZohoCrmEmulator.DEFAULT_USER_ID, "ZohoCRM.settings.ALL");

    assertJsonAnswer(client.getEvent(MEETING_ID, unrelated), 401, SCOPE_MISMATCH);
  }

  @Test
  void tokensActForTheirUser() throws IOException {
    CrmUser viewerUser = CrmUser.of("4876876000000225002", "Viewer", "viewer@example.com");
    emulator.users().put(viewerUser.withEditPermission(false));
    String viewer = emulator.issueAccessToken("4876876000000225002", Scopes.MODULES_ALL);

    assertThat(client.cancel(MEETING_ID, false, viewer).error().path("code").asText())
        .isEqualTo("NO_PERMISSION");
    assertThat(client.cancel(MEETING_ID, false, token).status()).isEqualTo(200);
  }

  private ZohoTestClient.Answer cancelWithAuthorization(String authorization) throws IOException {
    return client.send(
        "POST",
        ZohoTestClient.cancelPath("v7", MEETING_ID),
        authorization,
        ZohoTestClient.mailBody(false));
  }
}
