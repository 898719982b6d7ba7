package dev.zohoconnect.cancelmeeting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A redirect from the CRM endpoint means the URL is wrong (another data center, a portal page, a
 * proxy's login): the connector never follows it, and calling the same URL again cannot help.
 */
class RedirectTest extends ZohoWireTest {

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 307, 308})
  void aRedirectEndsAtOnceNamingTheStatusAndTheTargetHostButNotItsQuery(int status) {
    givenCancelAnswers(
        aResponse()
            .withStatus(status)
            .withHeader(
                "Location", "https://crm.zoho.eu/crm/v7/Events/1/actions/cancel?session=s3cr3t-q")
            .withBody("<html>Moved</html>"));

    ZohoConnectorException error = cancelRefused(slowMachineVariables());

    assertThat(error).isNotNull();
    assertThat(cancelCalls()).as("the redirect is neither followed nor retried").isEqualTo(1);
    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.HTTP_ERROR);
    assertThat(error.getErrorVariables())
        .containsEntry("retryable", false)
        .containsEntry("httpStatus", status);
    assertThat(error.getMessage())
        .contains("HTTP " + status + " redirect to host crm.zoho.eu")
        .contains("never follows redirects")
        .doesNotContain("s3cr3t-q")
        .doesNotContain("/crm/v7/Events/1");
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302})
  void aRelativeRedirectNamesTheRequestsOwnHost(int status) {
    givenCancelAnswers(aResponse().withStatus(status).withHeader("Location", "/login?next=x"));

    ZohoConnectorException error = cancelRefused(slowMachineVariables());

    assertThat(cancelCalls()).isEqualTo(1);
    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.HTTP_ERROR);
    assertThat(error.getMessage()).contains("redirect to host 127.0.0.1").doesNotContain("next=x");
  }

  // Generous timeouts: a timeout on a busy build machine would end the job without a redirect.
  private Map<String, Object> slowMachineVariables() {
    Map<String, Object> vars = variables();
    section(vars, "options").putAll(Map.of("connectTimeoutSeconds", 10, "readTimeoutSeconds", 10));
    return vars;
  }
}
