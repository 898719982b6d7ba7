package dev.zohoconnect.cancelmeeting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A policy remembers the base URLs it accepted so the checks run once per URL, not once per job: a
 * URL that passed answers the same normalised form every time, one that failed fails every time,
 * the field named in the error is always the caller's, and what one runtime's allowance accepted
 * never leaks into another's.
 */
class EndpointPolicyMemoryTest {

  private static final EndpointPolicy POLICY = allowing("http://127.0.0.1,http://localhost");

  private static EndpointPolicy allowing(String origins) {
    return EndpointPolicy.from(
        RuntimeSettings.of(Map.of(RuntimeSettings.ALLOWED_ORIGINS.environmentVariable(), origins)));
  }

  private static URI api(EndpointPolicy policy, String url) {
    return endpoints(policy, "https://accounts.zoho.com", url).apiBaseUrl();
  }

  private static ZohoEndpoints endpoints(EndpointPolicy policy, String accounts, String api) {
    return policy.resolve(
        DataCenter.US,
        ZohoEnvironment.PRODUCTION,
        new RefreshTokenAuthentication("id", "secret", "refresh"),
        new EndpointOverride(true, accounts, api));
  }

  @RepeatedTest(3)
  void aPassingUrlGivesTheSameNormalisedFormEveryTime() {
    assertThat(api(POLICY, " HTTPS://sandbox.zohoapis.com/ "))
        .isEqualTo(URI.create("https://sandbox.zohoapis.com"));
    assertThat(api(POLICY, "http://127.0.0.1:8089")).isEqualTo(URI.create("http://127.0.0.1:8089"));
  }

  @RepeatedTest(3)
  void aFailingUrlFailsEveryTime() {
    assertThatThrownBy(() -> api(POLICY, "http://10.0.0.1"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("endpoints.apiBaseUrl");
  }

  @Test
  void theErrorNamesTheCallersFieldWhicheverFieldSawTheUrlFirst() {
    assertThatThrownBy(() -> endpoints(POLICY, "https://accounts.zoho.com", "ftp://zoho.example"))
        .hasMessageStartingWith("endpoints.apiBaseUrl (API base URL)");
    assertThatThrownBy(() -> endpoints(POLICY, "ftp://zoho.example", "https://www.zohoapis.com"))
        .hasMessageStartingWith("endpoints.accountsUrl (Accounts URL)");
  }

  @Test
  void whatOneRuntimeAllowedAnotherStillRefuses() {
    assertThat(api(POLICY, "http://127.0.0.1:9999")).isEqualTo(URI.create("http://127.0.0.1:9999"));

    assertThatThrownBy(() -> api(allowing("https://proxy.example.com"), "http://127.0.0.1:9999"))
        .hasMessageContaining("does not allow");
  }

  @Test
  void manyDistinctUrlsStayBounded() {
    for (int port = 1; port <= 2_000; port++) {
      assertThat(api(POLICY, "http://localhost:" + port))
          .isEqualTo(URI.create("http://localhost:" + port));
    }
  }
}
