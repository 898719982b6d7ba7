package dev.zohoconnect.cancelmeeting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import dev.zohoconnect.cancelmeeting.model.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a token may go: the chosen data center's hosts in the chosen environment, other Zoho hosts
 * the modeler names, or origins the runtime's operator allows; plain http only on loopback.
 */
class EndpointPolicyTest {

  private static final RefreshTokenAuthentication OAUTH =
      new RefreshTokenAuthentication("id", "secret", "refresh");

  private static final EndpointPolicy ALLOWS_NOTHING =
      EndpointPolicy.from(RuntimeSettings.of(Map.of()));

  private static EndpointPolicy allowing(String origins) {
    return EndpointPolicy.from(
        RuntimeSettings.of(Map.of(RuntimeSettings.ALLOWED_ORIGINS.environmentVariable(), origins)));
  }

  private static ZohoEndpoints custom(
      EndpointPolicy policy, String accountsUrl, String apiBaseUrl) {
    return policy.resolve(
        DataCenter.US,
        ZohoEnvironment.PRODUCTION,
        OAUTH,
        new EndpointOverride(true, accountsUrl, apiBaseUrl));
  }

  private static ZohoEndpoints zoho(DataCenter dc, ZohoEnvironment environment) {
    return ALLOWS_NOTHING.resolve(dc, environment, OAUTH, new EndpointOverride(false, null, null));
  }

  // Zoho's hosts: data center and environment -----------------------------------------------------

  @ParameterizedTest
  @EnumSource(DataCenter.class)
  void eachDataCenterDerivesBothUrls(DataCenter dc) {
    ZohoEndpoints endpoints = zoho(dc, ZohoEnvironment.PRODUCTION);

    assertThat(endpoints).isInstanceOf(ZohoEndpoints.OfDataCenter.class);
    assertThat(endpoints.accountsUrl()).isEqualTo(dc.accountsUrl());
    assertThat(endpoints.apiBaseUrl()).isEqualTo(dc.apiDomain());
  }

  @ParameterizedTest
  @CsvSource({
    "US, SANDBOX,   https://sandbox.zohoapis.com,      https://accounts.zoho.com",
    "EU, DEVELOPER, https://developer.zohoapis.eu,     https://accounts.zoho.eu",
    "AU, SANDBOX,   https://sandbox.zohoapis.com.au,   https://accounts.zoho.com.au",
    "CA, DEVELOPER, https://developer.zohoapis.ca,     https://accounts.zohocloud.ca",
    "CN, PRODUCTION, https://www.zohoapis.com.cn,      https://accounts.zoho.com.cn"
  })
  void theEnvironmentChoosesTheApiHostAndLeavesTheAccountsServerToTheDataCenter(
      DataCenter dc, ZohoEnvironment environment, URI api, URI accounts) {
    ZohoEndpoints endpoints = zoho(dc, environment);

    assertThat(endpoints.apiBaseUrl()).isEqualTo(api);
    assertThat(endpoints.accountsUrl()).isEqualTo(accounts);
  }

  @Test
  void overrideUrlsAreIgnoredWhileTheOverrideIsOff() {
    ZohoEndpoints endpoints =
        ALLOWS_NOTHING.resolve(
            DataCenter.EU,
            ZohoEnvironment.PRODUCTION,
            OAUTH,
            new EndpointOverride(false, "http://evil.example", "http://evil.example"));

    assertThat(endpoints.apiBaseUrl()).isEqualTo(URI.create("https://www.zohoapis.eu"));
  }

  // The token answer's api_domain
  // ------------------------------------------------------------------

  @Test
  void theTokensApiDomainNamesTheDataCenter() {
    ZohoEndpoints endpoints = zoho(DataCenter.US, ZohoEnvironment.PRODUCTION);

    assertThat(endpoints.apiBaseFor(URI.create("https://www.zohoapis.eu")))
        .isEqualTo(URI.create("https://www.zohoapis.eu"));
    assertThat(endpoints.apiBaseFor(URI.create("https://WWW.ZOHOAPIS.JP:443/")))
        .as("in its canonical form")
        .isEqualTo(URI.create("https://www.zohoapis.jp"));
  }

  @Test
  void theTokensApiDomainNeverChangesTheChosenEnvironment() {
    ZohoEndpoints sandbox = zoho(DataCenter.US, ZohoEnvironment.SANDBOX);
    ZohoEndpoints production = zoho(DataCenter.US, ZohoEnvironment.PRODUCTION);

    assertThat(sandbox.apiBaseFor(URI.create("https://www.zohoapis.com")))
        .as("Zoho's production api_domain does not send a sandbox process to production")
        .isEqualTo(URI.create("https://sandbox.zohoapis.com"));
    assertThat(sandbox.apiBaseFor(URI.create("https://www.zohoapis.eu")))
        .as("its data center is followed, the environment kept")
        .isEqualTo(URI.create("https://sandbox.zohoapis.eu"));
    assertThat(production.apiBaseFor(URI.create("https://sandbox.zohoapis.com")))
        .isEqualTo(URI.create("https://www.zohoapis.com"));
    assertThat(
            zoho(DataCenter.IN, ZohoEnvironment.DEVELOPER)
                .apiBaseFor(URI.create("https://www.zohoapis.in")))
        .isEqualTo(URI.create("https://developer.zohoapis.in"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://zohoapis.attacker.example", "http://www.zohoapis.com",
            "https://user@www.zohoapis.eu",
        "https://www.zohoapis.com.attacker.example", "https://accounts.zoho.eu",
            "https://www.zohoapis.com."
      })
  void aForeignApiDomainInATokenAnswerNeverRedirectsTheToken(String apiDomain) {
    for (ZohoEnvironment environment : ZohoEnvironment.values()) {
      ZohoEndpoints endpoints = zoho(DataCenter.US, environment);

      assertThat(endpoints.apiBaseFor(URI.create(apiDomain)))
          .isEqualTo(DataCenter.US.apiUrl(environment));
    }
  }

  @Test
  void anExplicitOverrideWinsOverTheTokensApiDomain() {
    ZohoEndpoints endpoints =
        custom(
            allowing("http://127.0.0.1,http://localhost"),
            "http://127.0.0.1:8080",
            "http://localhost:8080/");

    assertThat(endpoints).isInstanceOf(ZohoEndpoints.Custom.class);
    assertThat(endpoints.apiBaseFor(URI.create("https://www.zohoapis.com")))
        .isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void anAccessTokenNeedsNoAccountsUrl() {
    ZohoEndpoints endpoints =
        ALLOWS_NOTHING.resolve(
            DataCenter.IN,
            ZohoEnvironment.PRODUCTION,
            new AccessTokenAuthentication("t"),
            new EndpointOverride(
                true, "https://not-checked.example", "https://developer.zohoapis.in"));

    assertThat(endpoints.apiBaseUrl()).isEqualTo(URI.create("https://developer.zohoapis.in"));
    assertThat(endpoints.accountsUrl()).isEqualTo(DataCenter.IN.accountsUrl());
  }

  // The runtime's allowance
  // ------------------------------------------------------------------------

  static Stream<String> zohoHosts() {
    return Stream.of(DataCenter.values())
        .flatMap(
            dc ->
                Stream.concat(
                    Stream.of(dc.accountsUrl().toString()),
                    Stream.of(ZohoEnvironment.values()).map(env -> dc.apiUrl(env).toString())));
  }

  @ParameterizedTest
  @MethodSource("zohoHosts")
  void zohosOwnHostsAreAlwaysAllowed(String zohoHost) {
    ZohoEndpoints endpoints = custom(ALLOWS_NOTHING, zohoHost, zohoHost + "/");

    assertThat(endpoints.apiBaseUrl()).isEqualTo(URI.create(zohoHost));
    assertThat(endpoints.accountsUrl()).isEqualTo(URI.create(zohoHost));
  }

  @Test
  void zohosHostsAreAnAccountsServerAndThreeApiHostsPerDataCenter() {
    assertThat(zohoHosts()).hasSize(8 * 4).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://collector.example",
        "https://collector.example:8443/",
        "https://sandbox.zohoapis.com.collector.example"
      })
  void aUrlChosenByProcessDataThatTheRuntimeDoesNotAllowIsRefused(String url) {
    EndpointPolicy policy = allowing("https://proxy.example.com");

    assertThatThrownBy(() -> custom(policy, "https://accounts.zoho.com", url))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith(
            "endpoints.apiBaseUrl (API base URL) points at " + Origin.of(URI.create(url)) + ",")
        .hasMessageContaining("ZOHO_CONNECTOR_ALLOWED_ORIGINS")
        .hasMessageContaining("zoho.connector.allowed-origins")
        .hasMessageContaining("which does not list this one");
    assertThatThrownBy(() -> custom(policy, url, "https://www.zohoapis.com"))
        .hasMessageStartingWith("endpoints.accountsUrl (Accounts URL) points at");
    assertThatThrownBy(() -> custom(ALLOWS_NOTHING, url, "https://www.zohoapis.com"))
        .hasMessageContaining("which lists no origin");
  }

  @Test
  void theRefusalShowsTheOriginOnly() {
    assertThatThrownBy(
            () ->
                custom(
                    ALLOWS_NOTHING, "https://accounts.zoho.com", "HTTPS://Collector.Example:8443"))
        .hasMessageContaining("points at https://collector.example:8443,");
  }

  @Test
  void anOriginWithoutPortAllowsEveryPortOfThatSchemeAndHost() {
    EndpointPolicy policy = allowing("http://127.0.0.1, https://proxy.example.com");

    assertThat(custom(policy, "http://127.0.0.1:8089", "http://127.0.0.1:1/").apiBaseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:1"));
    assertThat(
            custom(policy, "https://proxy.example.com", "https://PROXY.example.com:8443")
                .apiBaseUrl())
        .isEqualTo(URI.create("https://PROXY.example.com:8443"));
    assertThatThrownBy(() -> custom(policy, "https://127.0.0.1:8443", "https://www.zohoapis.com"))
        .as("another scheme")
        .hasMessageContaining("does not allow");
    assertThatThrownBy(() -> custom(policy, "http://127.0.0.2:8089", "https://www.zohoapis.com"))
        .as("another host")
        .hasMessageContaining("does not allow");
    assertThatThrownBy(
            () -> custom(policy, "https://www.proxy.example.com", "https://www.zohoapis.com"))
        .as("a subdomain")
        .hasMessageContaining("does not allow");
  }

  @Test
  void anOriginWithPortAllowsThatPortOnly() {
    EndpointPolicy policy =
        allowing(
            "https://proxy.example.com:8443,https://gateway.example.com:443,http://localhost:8089");

    assertThat(
            custom(policy, "http://localhost:8089", "https://proxy.example.com:8443").apiBaseUrl())
        .isEqualTo(URI.create("https://proxy.example.com:8443"));
    assertThat(
            custom(policy, "https://gateway.example.com", "https://gateway.example.com:443")
                .apiBaseUrl())
        .as("443 is https's port, given or not")
        .isEqualTo(URI.create("https://gateway.example.com:443"));
    assertThatThrownBy(
            () -> custom(policy, "https://accounts.zoho.com", "https://proxy.example.com"))
        .hasMessageContaining("points at https://proxy.example.com,");
    assertThatThrownBy(
            () -> custom(policy, "https://accounts.zoho.com", "https://proxy.example.com:9443"))
        .hasMessageContaining("does not allow");
    assertThatThrownBy(() -> custom(policy, "http://localhost:8090", "https://www.zohoapis.com"))
        .hasMessageContaining("points at http://localhost:8090,");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://proxy.example.com",
        "http://10.0.0.5:8080",
        "http://cafe:8089",
        "http://127.1",
        "http://2130706433",
        "http://0x7f000001",
        "http://[::ffff:127.0.0.1]",
        "http://[0:0:0:0:0:0:0:1]",
        "http://127.0.0.256",
        "http://127.000.0.1",
        "http://localhost.proxy.example.com",
        "http://127.0.0.1.nip.io",
        "http://0.0.0.0"
      })
  void plainHttpStaysLoopbackOnlyEvenWhenListed(String url) {
    EndpointPolicy policy = allowing(url);

    // 127.1 and 127.0.0.256 are not even host names to java.net.URI: refused as malformed.
    assertThatThrownBy(() -> custom(policy, "https://accounts.zoho.com", url))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("endpoints.apiBaseUrl (API base URL) must ")
        .hasMessageContaining("https");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://localhost:8089",
        "http://LOCALHOST",
        "http://127.0.0.1:8089",
        "http://127.255.3.9",
        "http://[::1]:8089"
      })
  void plainHttpIsAcceptedOnLoopbackWhenListed(String url) {
    assertThat(custom(allowing(url), url, url).apiBaseUrl()).isEqualTo(URI.create(url));
    assertThatThrownBy(() -> custom(ALLOWS_NOTHING, url, url))
        .hasMessageContaining("does not allow");
  }

  @Test
  void unreadableEntriesAllowNothingAndAreNeverEchoedWithCredentials() {
    EndpointPolicy policy =
        allowing(
            "ftp://files.example.com, *.example.com, https://user:hunter2@proxy.example.com,"
                + " https://proxy.example.com/path, http://proxy.example.com, https://ok.example.com,,");

    assertThat(custom(policy, "https://accounts.zoho.com", "https://ok.example.com").apiBaseUrl())
        .isEqualTo(URI.create("https://ok.example.com"));
    for (String url :
        new String[] {
          "https://files.example.com", "https://x.example.com", "https://proxy.example.com"
        }) {
      assertThatThrownBy(() -> custom(policy, "https://accounts.zoho.com", url))
          .hasMessageContaining("does not allow")
          .hasMessageContaining("5 of its entries could not be read")
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void theOtherUrlRulesStillApplyToAllowedOrigins() {
    EndpointPolicy policy = allowing("https://proxy.example.com");

    assertThatThrownBy(
            () -> custom(policy, "https://accounts.zoho.com", "https://u:p@proxy.example.com"))
        .hasMessageContaining("must not contain credentials")
        .hasMessageNotContaining("u:p");
    assertThatThrownBy(
            () -> custom(policy, "https://accounts.zoho.com", "https://proxy.example.com/crm/v7"))
        .hasMessageContaining("without a path");
    assertThatThrownBy(
            () -> custom(policy, "https://accounts.zoho.com", "https://proxy.example.com?x=1"))
        .hasMessageContaining("query");
    assertThatThrownBy(() -> custom(policy, "https://accounts.zoho.com", " "))
        .hasMessageContaining("is required");
  }
}
