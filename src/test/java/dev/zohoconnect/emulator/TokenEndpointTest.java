package dev.zohoconnect.emulator;

import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_CLIENT_ID;
import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_CLIENT_SECRET;
import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN;
import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zohoconnect.emulator.oauth.RefreshToken;
import dev.zohoconnect.emulator.oauth.Scopes;
import dev.zohoconnect.emulator.oauth.TokenGrant;
import dev.zohoconnect.emulator.oauth.TokenService;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEndpointTest extends EmulatorTestBase {

  private static final String ACCESS_DENIED =
      """
            {"error":"Access Denied","error_description":\
            "You have made too many requests continuously. Please try again after some time."}""";

  @Test
  void refreshGrantIssuesAWorkingOneHourToken() throws IOException {
    putUpcomingMeeting(MEETING_ID);

    var answer = refreshDefault();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo(JSON);
    String accessToken = answer.json().path("access_token").asText();
    assertThat(accessToken).matches("1000\\.[0-9a-f]{32}");
    assertThat(answer.body())
        .isEqualTo(
            "{\"access_token\":\""
                + accessToken
                + "\",\"expires_in\":3600,"
                + "\"api_domain\":\""
                + emulator.baseUrl()
                + "\",\"token_type\":\"Bearer\"}");
    assertThat(client.cancel(MEETING_ID, false, accessToken).status()).isEqualTo(200);
  }

  @Test
  void apiDomainCanBeConfigured() throws IOException {
    emulator.settings().apiDomain("https://www.zohoapis.eu");

    assertThat(refreshDefault().json().path("api_domain").asText())
        .isEqualTo("https://www.zohoapis.eu");
  }

  @Test
  void grantMayComeAsQueryParametersLikeInZohosSamples() throws IOException {
    String query =
        "?grant_type=refresh_token&client_id="
            + DEFAULT_CLIENT_ID
            + "&client_secret="
            + DEFAULT_CLIENT_SECRET
            + "&refresh_token="
            + DEFAULT_REFRESH_TOKEN;

    assertThat(client.sendForm(Router.TOKEN_PATH + query, "").json().has("access_token")).isTrue();
  }

  @Test
  void unknownClientOrWrongSecretIsInvalidClientWithStatus200() throws IOException {
    var unknownClient = client.refresh("1000.OTHER", DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN);
    var wrongSecret = client.refresh(DEFAULT_CLIENT_ID, "wrong", DEFAULT_REFRESH_TOKEN);

    assertJsonAnswer(unknownClient, 200, "{\"error\":\"invalid_client\"}");
    assertJsonAnswer(wrongSecret, 200, "{\"error\":\"invalid_client\"}");
  }

  @Test
  void unknownRevokedOrForeignRefreshTokenIsInvalidCode() throws IOException {
    emulator.tokens().registerClient("1000.SECOND", "second-secret");
    RefreshToken foreign =
        emulator
            .tokens()
            .registerRefreshToken("1000.SECOND", DEFAULT_USER_ID, List.of(Scopes.MODULES_ALL));

    var unknown = client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, "1000.nope");
    var other = client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, foreign.value());

    assertJsonAnswer(unknown, 200, "{\"error\":\"invalid_code\"}");
    assertJsonAnswer(other, 200, "{\"error\":\"invalid_code\"}");
  }

  @Test
  void revokingARefreshTokenAlsoKillsItsAccessTokens() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    String accessToken = refreshDefault().json().path("access_token").asText();

    emulator.tokens().revokeRefreshToken(DEFAULT_REFRESH_TOKEN);

    assertJsonAnswer(refreshDefault(), 200, "{\"error\":\"invalid_code\"}");
    assertThat(client.getEvent(MEETING_ID, accessToken).status()).isEqualTo(401);
  }

  @Test
  void eleventhRefreshWithinTenMinutesIsAccessDenied() throws IOException {
    for (int i = 0; i < 10; i++) {
      assertThat(refreshDefault().json().has("access_token")).isTrue();
      emulator.clock().advance(Duration.ofSeconds(50));
    }

    assertJsonAnswer(refreshDefault(), 200, ACCESS_DENIED);
    assertThat(emulator.counters().tokenRefusals(TokenGrant.Refused.ACCESS_DENIED)).isEqualTo(1);

    // The window slides: ten minutes after the first refresh, it no longer counts.
    emulator.clock().advance(Duration.ofSeconds(100));
    assertThat(refreshDefault().json().has("access_token")).isTrue();
  }

  @Test
  void issuedTokenExpiresWithTheEmulatorClock() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    String accessToken = refreshDefault().json().path("access_token").asText();

    emulator.clock().advance(Duration.ofHours(1));

    assertThat(client.getEvent(MEETING_ID, accessToken).error().path("code").asText())
        .isEqualTo("INVALID_TOKEN");
  }

  @Test
  void aShorterLifetimeIsAnnouncedAndEnforcedForTokensIssuedFromThenOn() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    emulator
        .clock()
        .set(emulator.clock().instant()); // still, so that the second before expiry is one
    String hourLong = refreshDefault().json().path("access_token").asText();

    emulator.tokens().accessTokenLifetime(Duration.ofSeconds(90));
    var answer = refreshDefault();
    String shortLived = answer.json().path("access_token").asText();

    assertThat(answer.json().path("expires_in").asLong()).isEqualTo(90);
    emulator.clock().advance(Duration.ofSeconds(89));
    assertThat(client.getEvent(MEETING_ID, shortLived).status()).isEqualTo(200);
    emulator.clock().advance(Duration.ofSeconds(1));
    assertThat(client.getEvent(MEETING_ID, shortLived).error().path("code").asText())
        .isEqualTo("INVALID_TOKEN");
    assertThat(client.getEvent(MEETING_ID, hourLong).status())
        .as("issued before the change")
        .isEqualTo(200);
  }

  @Test
  void lifetimeMustBeWholePositiveSeconds() {
    var tokens = emulator.tokens();

    assertThatThrownBy(() -> tokens.accessTokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.accessTokenLifetime(Duration.ofMillis(90_500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
    assertThat(tokens.accessTokenLifetime()).isEqualTo(TokenService.ACCESS_TOKEN_LIFETIME);
  }

  @Test
  void sixteenthAliveTokenInvalidatesTheOldest() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      if (i == 10) {
        emulator.clock().advance(Duration.ofMinutes(10));
      }
      issued.add(refreshDefault().json().path("access_token").asText());
    }

    assertThat(client.getEvent(MEETING_ID, issued.getFirst()).status()).isEqualTo(401);
    assertThat(client.getEvent(MEETING_ID, issued.get(1)).status()).isEqualTo(200);
    assertThat(emulator.tokens().aliveTokens(DEFAULT_REFRESH_TOKEN))
        .hasSize(15)
        .doesNotContain(issued.getFirst());
  }

  @Test
  void otherGrantTypesAreRefused() throws IOException {
    var answer = client.sendForm(Router.TOKEN_PATH, "grant_type=authorization_code&code=1000.abc");

    assertJsonAnswer(answer, 200, "{\"error\":\"unsupported_grant_type\"}");
  }

  @Test
  void refreshTokensCarryTheirUserAndScopes() throws IOException {
    putUpcomingMeeting(MEETING_ID);
    RefreshToken readOnly =
        emulator
            .tokens()
            .registerRefreshToken(DEFAULT_CLIENT_ID, DEFAULT_USER_ID, List.of(Scopes.EVENTS_READ));
    String accessToken =
        client
            .refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, readOnly.value())
            .json()
            .path("access_token")
            .asText();

    assertThat(client.getEvent(MEETING_ID, accessToken).status()).isEqualTo(200);
    assertThat(client.cancel(MEETING_ID, false, accessToken).error().path("code").asText())
        .isEqualTo("OAUTH_SCOPE_MISMATCH");
  }

  private ZohoTestClient.Answer refreshDefault() throws IOException {
    return client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN);
  }
}
