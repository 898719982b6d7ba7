package dev.zohoconnect.cancelmeeting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.support.RecordingResolverProvider;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether plain http may carry a token is decided from the URL's text, never by DNS: a name made of
 * hex letters looks like an IPv6 address to a careless pattern, but it is a host name, and the
 * answer DNS gives for it when checked need not be the one it gives when the HTTP client connects.
 * The test JVM's resolver ({@link RecordingResolverProvider}) answers these names with 127.0.0.1
 * and records every lookup.
 */
class LoopbackWithoutDnsTest {

  @BeforeAll
  static void theTestResolverAnswersHexNamesWithLoopback() throws Exception {
    assertThat(InetAddress.getByName("decade").isLoopbackAddress()).isTrue();
    assertThat(RecordingResolverProvider.installed()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://cafe:8089", "http://dead", "http://add:8089/", "http://FACE:1"})
  void aHostNameIsNotLoopbackWhateverDnsSaysAndIsNeverLookedUp(String url) {
    // Even listed by the operator: plain http off loopback would expose the token.
    EndpointPolicy policy =
        EndpointPolicy.from(
            RuntimeSettings.of(Map.of(RuntimeSettings.ALLOWED_ORIGINS.environmentVariable(), url)));

    assertThatThrownBy(
            () ->
                policy.resolve(
                    DataCenter.US,
                    ZohoEnvironment.PRODUCTION,
                    new RefreshTokenAuthentication("id", "secret", "refresh"),
                    new EndpointOverride(true, url, url)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageStartingWith("endpoints.apiBaseUrl (API base URL) must use https");
    String host = url.substring("http://".length()).replaceAll("[:/].*", "");
    assertThat(RecordingResolverProvider.lookedUp(host)).as("DNS lookup of " + host).isFalse();
  }
}
