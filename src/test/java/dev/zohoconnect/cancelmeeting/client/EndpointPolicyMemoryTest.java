package dev.zohoconnect.cancelmeeting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Checked base URLs are remembered so the checks run once per URL, not once per job: a URL that
 * passed answers the same normalised form every time, one that failed fails every time, and the
 * field named in the error is always the caller's.
 */
class EndpointPolicyMemoryTest {

  @RepeatedTest(3)
  void aPassingUrlGivesTheSameNormalisedFormEveryTime() {
    assertThat(EndpointPolicy.checkedBaseUrl("endpoints.apiBaseUrl", "API base URL", " HTTPS://sandbox.zohoapis.com/ "))
        .isEqualTo(URI.create("https://sandbox.zohoapis.com"));
    assertThat(EndpointPolicy.checkedBaseUrl("endpoints.apiBaseUrl", "API base URL", "http://127.0.0.1:8089"))
        .isEqualTo(URI.create("http://127.0.0.1:8089"));
  }

  @RepeatedTest(3)
  void aFailingUrlFailsEveryTime() {
    assertThatThrownBy(
            () -> EndpointPolicy.checkedBaseUrl("endpoints.apiBaseUrl", "API base URL", "http://10.0.0.1"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("endpoints.apiBaseUrl");
  }

  @Test
  void theErrorNamesTheCallersFieldWhicheverFieldSawTheUrlFirst() {
    assertThatThrownBy(
            () -> EndpointPolicy.checkedBaseUrl("endpoints.apiBaseUrl", "API base URL", "ftp://zoho.example"))
        .hasMessageStartingWith("endpoints.apiBaseUrl (API base URL)");
    assertThatThrownBy(
            () -> EndpointPolicy.checkedBaseUrl("endpoints.accountsUrl", "Accounts URL", "ftp://zoho.example"))
        .hasMessageStartingWith("endpoints.accountsUrl (Accounts URL)");
  }

  @Test
  void manyDistinctUrlsStayBounded() {
    for (int port = 1; port <= 2_000; port++) {
      assertThat(EndpointPolicy.checkedBaseUrl("endpoints.apiBaseUrl", "API base URL", "http://localhost:" + port))
          .isEqualTo(URI.create("http://localhost:" + port));
    }
  }
}
