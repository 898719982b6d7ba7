package dev.zohoconnect.cancelmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.zohoconnect.cancelmeeting.support.RecordingResolverProvider;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import io.camunda.connector.api.error.ConnectorInputException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input is refused before any call, with an input error (an incident at once, no retries) that
 * names the field and says what is expected.
 */
class InputValidationTest extends ZohoWireTest {

  @ParameterizedTest(name = "meeting id \"{0}\"")
  @ValueSource(
      strings = {
        "",
        " ",
        "   4876876000001563018",
        "4876876000001563018 ",
        "-1",
        "0",
        "1.5",
        "1e5",
        "12345678901234567890",
        "9999999999999999999",
        "٣٤٥٦",
        "１２３",
        "1/../../Leads/2",
        "1?x=",
        "%2e%2e",
        "../",
        "%2F",
        "123%2F456",
        "12 34",
        "0x1F",
        "+123",
        "123\n"
      })
  void refusesMeetingIdsThatAreNotZohoRecordIds(String meetingId) {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("meetingId", meetingId);

    assertInputError(vars, "meeting.meetingId");
  }

  @Test
  void refusesAMissingMeetingId() {
    Map<String, Object> vars = variables();
    section(vars, "meeting").remove("meetingId");

    assertInputError(vars, "meetingId");
  }

  @Test
  void refusesANumberBeyondLongFromFeel() {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("meetingId", new BigDecimal("98765432109876543210"));

    assertInputError(vars, "meeting.meetingId");
  }

  /** The engine wraps whole numbers beyond 64 bits around: a number may name another meeting. */
  @Test
  void refusesAMeetingIdGivenAsANumberAndSaysHowToPassIt() {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("meetingId", Long.parseLong(MEETING_ID));

    assertThat(assertInputError(vars, "meeting.meetingId")).contains("=string(");
  }

  static Stream<Arguments> badMailFlags() {
    return Stream.of(
        Arguments.of("a string", "true"),
        Arguments.of("a number", 1),
        Arguments.of("missing", null));
  }

  @ParameterizedTest(name = "mail flag {0}")
  @MethodSource("badMailFlags")
  void refusesAMailFlagThatIsNotABoolean(String description, Object flag) {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("sendCancellingMail", flag);

    assertInputError(vars, "sendCancellingMail");
  }

  static Stream<Arguments> incompleteCredentials() {
    return Stream.of(
        Arguments.of("clientId", (Consumer<Map<String, Object>>) a -> a.remove("clientId")),
        Arguments.of(
            "clientSecret", (Consumer<Map<String, Object>>) a -> a.put("clientSecret", "")),
        Arguments.of(
            "refreshToken", (Consumer<Map<String, Object>>) a -> a.put("refreshToken", "  ")),
        Arguments.of("authentication", (Consumer<Map<String, Object>>) Map::clear));
  }

  @ParameterizedTest(name = "without {0}")
  @MethodSource("incompleteCredentials")
  void refusesHalfFilledRefreshTokenCredentials(
      String field, Consumer<Map<String, Object>> breakIt) {
    Map<String, Object> vars = variables();
    breakIt.accept(section(vars, "authentication"));

    assertInputError(vars, field);
  }

  @Test
  void refusesABlankAccessToken() {
    Map<String, Object> vars = accessTokenVariables();
    section(vars, "authentication").put("accessToken", "");

    assertInputError(vars, "accessToken");
  }

  @Test
  void refusesAnUnknownDataCenter() {
    Map<String, Object> vars = variables();
    vars.put("dataCenter", "MARS");

    assertInputError(vars, "dataCenter");
  }

  @Test
  void refusesAMissingDataCenter() {
    Map<String, Object> vars = variables();
    vars.remove("dataCenter");

    assertInputError(vars, "dataCenter");
  }

  @Test
  void refusesCancelledByOutsideV8() {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("sendCancellingMail", true);
    section(vars, "options").put("cancelledBy", "4876876000000225013");

    assertInputError(vars, "options.cancelledBy");
  }

  @Test
  void refusesCancelledByWithoutMailBeforeZohoSaysDependentMismatch() {
    Map<String, Object> vars = variables();
    section(vars, "options")
        .putAll(Map.of("apiVersion", "V8", "cancelledBy", "4876876000000225013"));

    assertThat(assertInputError(vars, "options.cancelledBy")).contains("Send cancellation mail");
  }

  @Test
  void refusesACancelledByThatIsNoZohoUserId() {
    Map<String, Object> vars = variables();
    section(vars, "meeting").put("sendCancellingMail", true);
    section(vars, "options").putAll(Map.of("apiVersion", "V8", "cancelledBy", "me@example.com"));

    assertThat(assertInputError(vars, "options.cancelledBy")).contains("Zoho user id");
  }

  @ParameterizedTest(name = "timeout {0}")
  @ValueSource(ints = {0, -5, 301})
  void refusesTimeoutsOutOfRange(int seconds) {
    Map<String, Object> vars = variables();
    section(vars, "options").put("readTimeoutSeconds", seconds);

    assertInputError(vars, "readTimeoutSeconds");
  }

  @ParameterizedTest(name = "API base URL [{0}]")
  @ValueSource(
      strings = {
        "http://zoho.example.com",
        "http://10.0.0.5:8080",
        "https://user:pass@sandbox.zohoapis.com",
        "https://sandbox.zohoapis.com/crm/v7",
        "https://sandbox.zohoapis.com?x=1",
        "ftp://sandbox.zohoapis.com",
        "sandbox.zohoapis.com",
        ""
      })
  void refusesApiBaseUrlsThatCouldLeakTheToken(String url) {
    Map<String, Object> vars = variables();
    section(vars, "endpoints").put("apiBaseUrl", url);

    assertInputError(vars, "endpoints.apiBaseUrl");
  }

  @Test
  void refusesAPlainHttpAccountsUrlOffLoopback() {
    Map<String, Object> vars = variables();
    section(vars, "endpoints").put("accountsUrl", "http://accounts.zoho.eu");

    assertInputError(vars, "endpoints.accountsUrl");
  }

  @ParameterizedTest(name = "Zoho environment [{0}]")
  @ValueSource(strings = {"STAGING", "www", "sandbox.zohoapis.com", ""})
  void refusesAZohoEnvironmentThatIsNotOneOfTheChoices(String environment) {
    Map<String, Object> vars = variables();
    vars.put("zohoEnvironment", environment);

    assertInputError(vars, "zohoEnvironment");
  }

  /**
   * Process data chooses the URL; the runtime's allowance decides whether a token may go there.
   * This build allows the local stand-ins only (pom.xml), so a reachable-looking https host is
   * refused before any call, and the incident says which setting an operator would change.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"apiBaseUrl", "accountsUrl"})
  void refusesAnHttpsOriginTheRuntimeDoesNotAllow(String field) {
    Map<String, Object> vars = variables();
    section(vars, "endpoints").put(field, "https://zoho-proxy.example.com:8443/");

    String message = assertInputError(vars, "endpoints." + field);

    assertThat(message)
        .contains("https://zoho-proxy.example.com:8443,")
        .contains("ZOHO_CONNECTOR_ALLOWED_ORIGINS")
        .contains("zoho.connector.allowed-origins");
    assertThat(RecordingResolverProvider.lookedUp("zoho-proxy.example.com"))
        .as("no DNS lookup")
        .isFalse();
  }

  /**
   * {@code beef} is a host name, not an IPv6 address, whatever DNS answers for it (here: 127.0.0.1,
   * like a resolver an attacker controls, which could answer otherwise when the HTTP client
   * connects). Plain http to it would expose the token; it is refused without asking DNS.
   */
  @Test
  void refusesPlainHttpToAHostNameThatDnsCallsLoopback() throws Exception {
    assertThat(java.net.InetAddress.getByName("facade").isLoopbackAddress())
        .as("the test resolver is in place")
        .isTrue();
    Map<String, Object> vars = variables();
    String url = "http://beef:" + zoho.port();
    section(vars, "endpoints").put("apiBaseUrl", url);
    section(vars, "endpoints").put("accountsUrl", url);

    String message = assertInputError(vars, "endpoints.apiBaseUrl");

    assertThat(message).contains("must use https");
    assertThat(RecordingResolverProvider.lookedUp("beef")).as("no DNS lookup of beef").isFalse();
  }

  private String assertInputError(Map<String, Object> vars, String field) {
    Throwable error = catchThrowable(() -> cancel(vars));

    assertThat(error).isInstanceOf(ConnectorInputException.class);
    String message =
        error.getMessage() + (error.getCause() == null ? "" : " " + error.getCause().getMessage());
    assertThat(message).contains(field);
    assertThat(zoho.getAllServeEvents()).as("no call reaches Zoho").isEmpty();
    return message;
  }
}
