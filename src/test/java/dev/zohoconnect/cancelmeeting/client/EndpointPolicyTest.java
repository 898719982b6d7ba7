package dev.zohoconnect.cancelmeeting.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.auth.DataCenter;
import dev.zohoconnect.cancelmeeting.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where a token may go: the chosen data center's hosts, or hosts the user named explicitly. */
class EndpointPolicyTest {

  private static final RefreshTokenAuthentication OAUTH =
      new RefreshTokenAuthentication("id", "secret", "refresh");

  @ParameterizedTest
  @EnumSource(DataCenter.class)
  void eachDataCenterDerivesBothUrls(DataCenter dc) {
    ZohoEndpoints endpoints = EndpointPolicy.resolve(dc, OAUTH, new EndpointOverride(false, null, null));

    assertThat(endpoints.accountsUrl()).isEqualTo(dc.accountsUrl());
    assertThat(endpoints.apiBaseUrl()).isEqualTo(dc.apiDomain());
    assertThat(endpoints.custom()).isFalse();
    assertThat(EndpointPolicy.isZohoApiUrl(dc.apiDomain())).isTrue();
  }

  @Test
  void overrideUrlsAreIgnoredWhileTheOverrideIsOff() {
    ZohoEndpoints endpoints =
        EndpointPolicy.resolve(
            DataCenter.EU, OAUTH, new EndpointOverride(false, "http://evil.example", "http://evil.example"));

    assertThat(endpoints.apiBaseUrl()).isEqualTo(URI.create("https://www.zohoapis.eu"));
  }

  @Test
  void theTokensApiDomainIsHonouredWhenItIsZohos() {
    ZohoEndpoints endpoints = EndpointPolicy.resolve(DataCenter.US, OAUTH, new EndpointOverride(false, null, null));

    assertThat(endpoints.apiBaseFor(URI.create("https://www.zohoapis.eu")))
        .isEqualTo(URI.create("https://www.zohoapis.eu"));
    assertThat(endpoints.apiBaseFor(URI.create("https://sandbox.zohoapis.com")))
        .isEqualTo(URI.create("https://sandbox.zohoapis.com"));
  }

  @Test
  void aForeignApiDomainInATokenAnswerNeverRedirectsTheToken() {
    ZohoEndpoints endpoints = EndpointPolicy.resolve(DataCenter.US, OAUTH, new EndpointOverride(false, null, null));

    assertThat(endpoints.apiBaseFor(URI.create("https://zohoapis.attacker.example")))
        .isEqualTo(DataCenter.US.apiDomain());
    assertThat(endpoints.apiBaseFor(URI.create("http://www.zohoapis.com")))
        .as("not over plain http").isEqualTo(DataCenter.US.apiDomain());
  }

  @Test
  void anExplicitOverrideWinsOverTheTokensApiDomain() {
    ZohoEndpoints endpoints =
        EndpointPolicy.resolve(
            DataCenter.US, OAUTH, new EndpointOverride(true, "http://127.0.0.1:8080", "http://localhost:8080/"));

    assertThat(endpoints.apiBaseFor(URI.create("https://www.zohoapis.com")))
        .isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void anAccessTokenNeedsNoAccountsUrl() {
    ZohoEndpoints endpoints =
        EndpointPolicy.resolve(
            DataCenter.IN,
            new AccessTokenAuthentication("t"),
            new EndpointOverride(true, null, "https://developer.zohoapis.in"));

    assertThat(endpoints.apiBaseUrl()).isEqualTo(URI.create("https://developer.zohoapis.in"));
  }
}
