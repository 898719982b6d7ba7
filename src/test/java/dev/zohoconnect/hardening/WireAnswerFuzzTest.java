package dev.zohoconnect.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.support.LogCapture;
import dev.zohoconnect.cancelmeeting.support.TestConnectors;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property, end to end over HTTP: whatever Zoho's API or accounts server answers (any status, body,
 * header, or a connection that breaks), the connector completes or raises its own error, whose
 * message and variables hold no credential and stay small enough for Zeebe; nothing it logs holds
 * one either.
 */
class WireAnswerFuzzTest extends ZohoWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Fault> BROKEN =
      List.of(
          Fault.EMPTY_RESPONSE,
          Fault.MALFORMED_RESPONSE_CHUNK,
          Fault.RANDOM_DATA_THEN_CLOSE,
          Fault.CONNECTION_RESET_BY_PEER);

  @Test
  void anyCancelAnswerEndsInAResultOrTheConnectorsOwnError() throws Exception {
    long seed = Fuzz.seed(getClass());
    Random random = new Random(seed);
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> texts = new ArrayList<>();

    try (var console = LogLevels.consoleMuted();
        LogCapture logs = new LogCapture();
        var quiet =
            LogLevels.set(Level.WARN, "org.eclipse.jetty", "wiremock", "com.github.tomakehurst")) {
      for (int i = 0, n = Fuzz.iterations(150); i < n; i++) {
        zoho.resetMappings();
        givenTokenEndpointAnswers(tokenJson(ACCESS_TOKEN, 3600));
        String[] shown = new String[1];
        givenCancelAnswers(answer(random, ZohoAnswers.body(random), shown));
        String label = "seed " + seed + ", cancel case " + i + ": " + shown[0];
        Map<String, Object> vars = random.nextBoolean() ? variables() : accessTokenVariables();

        outcomes.merge(run(label, vars, texts), 1, Integer::sum);
      }
      texts.addAll(logs.lines());
    }

    assertNoCredentialIn(
        texts, List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, SUPPLIED_ACCESS_TOKEN));
    System.out.println("Cancel answer fuzz, seed " + seed + ": " + outcomes);
    assertThat(outcomes).containsKey("cancelled").hasSizeGreaterThan(3);
  }

  @Test
  void anyTokenAnswerEndsInACancellationOrATokenError() throws Exception {
    long seed = Fuzz.seed(getClass()) + 1;
    Random random = new Random(seed);
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> texts = new ArrayList<>();
    List<String> servedTokens = new ArrayList<>();
    HttpTransport transport = new HttpTransport(clock);

    try (var console = LogLevels.consoleMuted();
        LogCapture logs = new LogCapture();
        var quiet =
            LogLevels.set(Level.WARN, "org.eclipse.jetty", "wiremock", "com.github.tomakehurst")) {
      for (int i = 0, n = Fuzz.iterations(150); i < n; i++) {
        zoho.resetMappings();
        givenCancelAnswers(json(200, successBody()));
        String token = "1000." + Fuzz.digits(random, 12) + ".tok";
        String[] shown = new String[1];
        zoho.stubFor(
            post(urlEqualTo(TOKEN_PATH))
                .willReturn(answer(random, tokenBody(random, token), shown)));
        servedTokens.add(token);
        connector = coldTokenCache(transport); // every case asks the accounts server
        String label = "seed " + seed + ", token case " + i + ": " + shown[0];

        String outcome = run(label, variables(), texts);
        outcomes.merge(outcome, 1, Integer::sum);
        assertThat(outcome).as(label).matches("cancelled|ZOHO_OAUTH_.*");
      }
      texts.addAll(logs.lines());
    }

    List<String> credentials = new ArrayList<>(List.of(CLIENT_SECRET, REFRESH_TOKEN));
    credentials.addAll(servedTokens);
    assertNoCredentialIn(texts, credentials);
    System.out.println("Token answer fuzz, seed " + seed + ": " + outcomes);
    assertThat(outcomes).containsKey("cancelled").hasSizeGreaterThan(2);
  }

  /** Runs one case; returns "cancelled" or the error code; collects what an operator could read. */
  private String run(String label, Map<String, Object> vars, List<String> texts) throws Exception {
    try {
      Object result = cancel(vars);
      assertThat(result).as(label).isInstanceOf(CancelMeetingResult.class);
      return "cancelled";
    } catch (ZohoConnectorException error) {
      String variables = JSON.writeValueAsString(error.getErrorVariables());
      assertThat(variables.length()).as(label + ": error variables size").isLessThan(200_000);
      assertThat(error.getErrorCode())
          .as(label + ": a code a boundary event can name")
          .matches("[A-Za-z][A-Za-z0-9_]{0,63}");
      for (Throwable t = error; t != null; t = t.getCause()) {
        texts.add(t.toString());
      }
      texts.add(variables);
      return error.getErrorCode();
    } catch (Throwable other) {
      throw new AssertionError(label + " ended in " + other, other);
    }
  }

  private static ResponseDefinitionBuilder answer(Random random, String body, String[] shown) {
    if (random.nextInt(12) == 0) {
      Fault fault = Fuzz.pick(random, BROKEN);
      shown[0] = "fault " + fault;
      return aResponse().withFault(fault);
    }
    // 1xx are not answers; anything from 200 to 599 is fair game.
    int status = Math.max(200, ZohoAnswers.status(random));
    ResponseDefinitionBuilder answer = aResponse().withStatus(status);
    if (random.nextInt(3) > 0) {
      answer.withHeader(
          "Content-Type",
          Fuzz.pick(
              random,
              List.of(
                  "application/json;charset=UTF-8",
                  "text/html",
                  "application/json; charset=ISO-8859-1",
                  "application/json; charset=nonsense",
                  "application/json; charset=\"")));
    }
    if (random.nextInt(4) == 0) {
      answer.withHeader(
          "Retry-After",
          Fuzz.pick(
              random,
              List.of(
                  "1",
                  "0",
                  "-5",
                  "3600",
                  "99999999999999999999",
                  "soon",
                  "Wed, 21 Oct 2015 07:28:00 GMT",
                  Fuzz.digits(random, 3))));
    }
    byte[] bytes =
        random.nextInt(10) == 0
            ? Fuzz.ascii(random, 50).getBytes(StandardCharsets.ISO_8859_1)
            : body.getBytes(StandardCharsets.UTF_8);
    shown[0] =
        "HTTP " + status + " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    return answer.withBody(bytes);
  }

  /** Answers an accounts server gives, or a proxy or a broken one, around Zoho's two shapes. */
  private static String tokenBody(Random random, String token) {
    String issued =
        "{\"access_token\":\"%s\",\"expires_in\":%s,\"api_domain\":\"%s\",\"token_type\":\"Bearer\"}"
            .formatted(
                token,
                Fuzz.pick(
                    random,
                    List.of("3600", "0", "-1", "1e300", "\"soon\"", "null", "9223372036854775807")),
                Fuzz.pick(
                    random,
                    List.of(
                        "https://www.zohoapis.com",
                        "https://evil.example",
                        "http://127.0.0.1:1",
                        "javascript:alert(1)",
                        "",
                        "::")));
    return switch (random.nextInt(9)) {
      case 0, 1 -> issued;
      case 2 -> Fuzz.mutate(random, issued);
      case 3 ->
          "{\"error\":\""
              + Fuzz.pick(
                  random,
                  List.of(
                      "invalid_client",
                      "invalid_code",
                      "Access Denied",
                      "invalid_grant",
                      "x".repeat(300),
                      "client_secret=" + CLIENT_SECRET))
              + "\"}";
      case 4 ->
          "<html>grant_type=refresh_token&client_id="
              + CLIENT_ID
              + "&client_secret="
              + CLIENT_SECRET
              + "&refresh_token="
              + REFRESH_TOKEN
              + "</html>";
      case 5 -> "{\"access_token\":" + jsonValue(random) + ",\"expires_in\":3600}";
      case 6 -> ZohoAnswers.zohoShaped(random);
      default -> ZohoAnswers.body(random);
    };
  }

  private static String jsonValue(Random random) {
    try {
      return JSON.writeValueAsString(Fuzz.value(random, 2));
    } catch (Exception e) {
      return "null";
    }
  }

  private CancelMeetingFunction coldTokenCache(HttpTransport transport) {
    return TestConnectors.connector(transport, clock, sleeper, 7);
  }

  private static void assertNoCredentialIn(List<String> texts, List<String> credentials) {
    assertThat(texts).isNotEmpty();
    for (String text : texts) {
      for (String credential : credentials) {
        assertThat(text).as("leaks a credential").doesNotContain(credential);
      }
    }
  }
}
