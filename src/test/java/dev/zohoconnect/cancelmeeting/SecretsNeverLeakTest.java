package dev.zohoconnect.cancelmeeting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.zohoconnect.cancelmeeting.auth.IssuedToken;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.model.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.support.LogCapture;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import io.camunda.connector.api.error.ConnectorException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Secrets are replaced by the runtime before the connector sees them, and neither they nor the
 * access tokens derived from them appear in any message, error variable, log line or toString.
 */
class SecretsNeverLeakTest extends ZohoWireTest {

  private static final List<String> SECRET_VALUES =
      List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, SUPPLIED_ACCESS_TOKEN);

  @Test
  void secretReferencesAreReplacedByTheRuntime() {
    givenCancelAnswers(json(200, successBody()));

    cancel(variables());

    zoho.verify(
        postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
            .withRequestBody(containing("refresh_token=" + REFRESH_TOKEN)));
  }

  @Test
  void noSecretInMessagesVariablesOrLogsAcrossFailures() throws Exception {
    List<String> seen = new ArrayList<>();
    try (LogCapture logs = new LogCapture()) {
      for (ResponseDefinitionBuilder answer : failingCancelAnswers()) {
        resetZoho();
        givenCancelAnswers(answer);
        seen.addAll(failureText(variables()));
        seen.addAll(failureText(accessTokenVariables()));
      }
      for (String tokenAnswer :
          List.of(
              "{\"error\":\"invalid_client\"}",
              "{\"error\":\"Access Denied\"}",
              // An accounts server that echoes the submitted form back must not leak it.
              "{\"error\":\"client_secret="
                  + CLIENT_SECRET
                  + "&refresh_token="
                  + REFRESH_TOKEN
                  + "\"}",
              "<html>client_secret=" + CLIENT_SECRET + "</html>")) {
        resetZoho();
        givenTokenEndpointAnswers(tokenAnswer);
        seen.addAll(failureText(variables()));
      }
      for (ResponseDefinitionBuilder tokenAnswer :
          List.of(
              aResponse()
                  .withStatus(429)
                  .withHeader("Retry-After", "5")
                  .withBody("client_secret=" + CLIENT_SECRET),
              aResponse()
                  .withStatus(302)
                  .withHeader("Location", "http://127.0.0.1:1/?refresh_token=" + REFRESH_TOKEN))) {
        resetZoho();
        zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(tokenAnswer));
        seen.addAll(failureText(variables()));
      }
      // Fresh tokens rejected again and again: the second job's error explains the back-off.
      resetZoho();
      givenCancelAnswers(json(401, INVALID_TOKEN));
      seen.addAll(failureText(variables()));
      seen.addAll(failureText(variables()));
      seen.addAll(
          failureText(withInvalidInput(v -> section(v, "meeting").put("meetingId", "1/../2"))));
      seen.addAll(
          failureText(withInvalidInput(v -> section(v, "authentication").remove("clientId"))));
      seen.addAll(logs.lines());
    }

    assertThat(seen).isNotEmpty();
    assertThat(String.join("\n", seen))
        .contains("[ZOHO_OAUTH_RATE_LIMITED]", "(HTTP 302)", "[ZOHO_TOKEN_REJECTED]");
    for (String text : seen) {
      for (String secret : SECRET_VALUES) {
        assertThat(text).as("leaks a secret").doesNotContain(secret);
      }
    }
  }

  @Test
  void credentialRecordsRedactThemselves() {
    String rendered =
        String.join(
            " ",
            new RefreshTokenAuthentication(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN).toString(),
            new AccessTokenAuthentication(SUPPLIED_ACCESS_TOKEN).toString(),
            new IssuedToken(ACCESS_TOKEN, URI.create("https://www.zohoapis.com"), Instant.EPOCH)
                .toString(),
            new OAuthTokenClient.Grant(
                    URI.create("https://accounts.zoho.com"),
                    CLIENT_ID,
                    CLIENT_SECRET,
                    REFRESH_TOKEN)
                .toString());

    SECRET_VALUES.forEach(secret -> assertThat(rendered).doesNotContain(secret));
    assertThat(rendered).contains(CLIENT_ID); // the client id is not a secret and helps support
  }

  private static final String INVALID_TOKEN =
      "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}";

  private static List<ResponseDefinitionBuilder> failingCancelAnswers() {
    return List.of(
        json(401, INVALID_TOKEN),
        json(
            400,
            "{\"data\":[{\"code\":\"NOT_ALLOWED\",\"details\":{},\"message\":\"already cancelled\",\"status\":\"error\"}]}"),
        json(
            500,
            "{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"boom\",\"status\":\"error\"}"),
        aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(200, ""));
  }

  private Map<String, Object> withInvalidInput(Consumer<Map<String, Object>> breakIt) {
    Map<String, Object> vars = variables();
    breakIt.accept(vars);
    return vars;
  }

  /** Everything an operator or a process could read about a failure. */
  private List<String> failureText(Map<String, Object> vars) throws Exception {
    List<String> texts = new ArrayList<>();
    try {
      cancel(vars);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(String.valueOf(t.getMessage()));
        texts.add(t.toString());
      }
      if (e instanceof ConnectorException connectorException
          && connectorException.getErrorVariables() != null) {
        texts.add(new ObjectMapper().writeValueAsString(connectorException.getErrorVariables()));
      }
      if (e instanceof ZohoConnectorException zoho) {
        texts.add(String.valueOf(zoho.zohoError()));
      }
    }
    return texts;
  }

  private void resetZoho() {
    zoho.resetAll();
    connector = newConnector();
    givenTokenEndpointAnswers(tokenJson(ACCESS_TOKEN, 3600));
  }
}
