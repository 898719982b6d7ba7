package dev.zohoconnect.cancelmeeting.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Zoho stand-in at the wire level (WireMock) and the connector wired to it through the runtime's
 * real binding, secret replacement and validation.
 */
public abstract class ZohoWireTest {

  public static final String MEETING_ID = "4876876000001563018";
  public static final String CANCEL_PATH = "/crm/v7/Events/" + MEETING_ID + "/actions/cancel";
  public static final String TOKEN_PATH = "/oauth/v2/token";

  public static final String CLIENT_ID = "1000.TESTCLIENTID";
  public static final String CLIENT_SECRET = "client-secret-5f0c9a7e";
  public static final String REFRESH_TOKEN = "1000.refresh-9d2b61c4";
  public static final String ACCESS_TOKEN = "1000.access-7e1f3b2a";
  public static final String SUPPLIED_ACCESS_TOKEN = "1000.supplied-4c8d0e6f";

  public static final Map<String, String> SECRETS =
      Map.of(
          "ZOHO_CLIENT_ID", CLIENT_ID,
          "ZOHO_CLIENT_SECRET", CLIENT_SECRET,
          "ZOHO_REFRESH_TOKEN", REFRESH_TOKEN,
          "ZOHO_ACCESS_TOKEN", SUPPLIED_ACCESS_TOKEN);

  protected WireMockServer zoho;
  protected RecordingSleeper sleeper;
  protected MutableClock clock;
  protected CancelMeetingFunction connector;

  @BeforeEach
  void startZoho() {
    zoho = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    zoho.start();
    sleeper = new RecordingSleeper();
    clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    connector = newConnector();
    givenTokenEndpointAnswers(tokenJson(ACCESS_TOKEN, 3600));
  }

  @AfterEach
  void stopZoho() {
    zoho.stop();
  }

  /** A connector with its own token cache: each test starts cold. */
  protected CancelMeetingFunction newConnector() {
    return TestConnectors.connector(new HttpTransport(clock), clock, sleeper, 7);
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + zoho.port();
  }

  protected Object cancel(Map<String, Object> variables) {
    return connector.execute(JobContexts.of(variables, SECRETS));
  }

  /** Cancels, expecting a cancellation result. */
  protected CancelMeetingResult cancelMeeting(Map<String, Object> variables) {
    return (CancelMeetingResult) cancel(variables);
  }

  /** Cancels, expecting the connector to refuse; its error (null if it did not refuse). */
  protected ZohoConnectorException cancelRefused(Map<String, Object> variables) {
    return catchThrowableOfType(ZohoConnectorException.class, () -> cancel(variables));
  }

  /** Job variables as the element template produces them, refresh-token authentication. */
  protected Map<String, Object> variables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(
        "meeting", new HashMap<>(Map.of("meetingId", MEETING_ID, "sendCancellingMail", false)));
    vars.put(
        "authentication",
        new HashMap<>(
            Map.of(
                "type", "refreshToken",
                "clientId", "{{secrets.ZOHO_CLIENT_ID}}",
                "clientSecret", "{{secrets.ZOHO_CLIENT_SECRET}}",
                "refreshToken", "{{secrets.ZOHO_REFRESH_TOKEN}}")));
    vars.put("dataCenter", "US");
    vars.put("options", new HashMap<>(Map.of("readTimeoutSeconds", 2, "connectTimeoutSeconds", 2)));
    vars.put(
        "endpoints",
        new HashMap<>(Map.of("enabled", true, "accountsUrl", baseUrl(), "apiBaseUrl", baseUrl())));
    return vars;
  }

  protected Map<String, Object> accessTokenVariables() {
    Map<String, Object> vars = variables();
    vars.put(
        "authentication",
        new HashMap<>(
            Map.of("type", "accessToken", "accessToken", "{{secrets.ZOHO_ACCESS_TOKEN}}")));
    return vars;
  }

  @SuppressWarnings("unchecked")
  protected static Map<String, Object> section(Map<String, Object> variables, String name) {
    return (Map<String, Object>) variables.get(name);
  }

  protected static String tokenJson(String token, int expiresIn) {
    return """
        {"access_token":"%s","expires_in":%d,"api_domain":"https://www.zohoapis.com","token_type":"Bearer"}"""
        .formatted(token, expiresIn);
  }

  protected void givenTokenEndpointAnswers(String body) {
    zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, body)));
  }

  protected void givenCancelAnswers(ResponseDefinitionBuilder response) {
    zoho.stubFor(
        post(urlPathMatching("/crm/v[0-9]+/Events/[0-9]+/actions/cancel")).willReturn(response));
  }

  protected static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }

  protected static String successBody() {
    return """
        {"data":[{"code":"SUCCESS","details":{"id":"%s"},"message":"The event is successfully cancelled","status":"success"}]}"""
        .formatted(MEETING_ID);
  }

  protected int cancelCalls() {
    return zoho.countRequestsMatching(
            postRequestedFor(urlPathMatching("/crm/.*/actions/cancel")).build())
        .getCount();
  }

  protected int tokenCalls() {
    return zoho.countRequestsMatching(postRequestedFor(urlEqualTo(TOKEN_PATH)).build()).getCount();
  }
}
