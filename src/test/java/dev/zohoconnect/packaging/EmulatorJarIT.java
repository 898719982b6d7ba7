package dev.zohoconnect.packaging;

import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_CLIENT_ID;
import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_CLIENT_SECRET;
import static dev.zohoconnect.emulator.ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zohoconnect.emulator.ZohoTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator jar as a developer runs it: {@code java -jar <artifact>-emulator.jar --port <n>
 * --seed <file>}, in a JVM of its own with nothing but that jar. It serves the documented API: the
 * token refresh (as a form body and as query parameters, like Zoho's samples) and the cancel call,
 * with Zoho's success body and both error shapes (inside {@code data[]} and top level). Its output
 * stays in target/emulator-it/ for inspection.
 */
class EmulatorJarIT {

  static final Path SEED = Path.of("src", "test", "resources", "emulator", "sample-meetings.json");
  static final String UPCOMING_MEETING = "4876876000001563018";
  static final String JSON = "application/json;charset=UTF-8";

  static Process emulator;
  static String baseUrl;
  static ZohoTestClient client;

  @BeforeAll
  static void startTheJar() throws Exception {
    int port = RuntimeProcess.freePort();
    Path log = Files.createDirectories(Path.of("target", "emulator-it")).resolve("emulator.log");
    emulator =
        new ProcessBuilder(
                RuntimeProcess.javaExecutable(),
                "-jar",
                PackagedArtifacts.emulatorJar().toString(),
                "--port",
                String.valueOf(port),
                "--seed",
                SEED.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    baseUrl = "http://127.0.0.1:" + port;
    awaitOutput(log, "Zoho CRM emulator listening on " + baseUrl, Duration.ofSeconds(30));
    client = new ZohoTestClient(baseUrl);
  }

  @AfterAll
  static void stopTheJar() throws InterruptedException {
    if (emulator != null) {
      emulator.destroy();
      emulator.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void refreshGrantAsFormBodyIssuesAnHourLongToken() throws IOException {
    JsonNode token =
        refreshedToken(
            client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN));

    assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("api_domain").asText()).isEqualTo(baseUrl);
  }

  @Test
  void refreshGrantAsQueryParametersIssuesAToken() throws IOException {
    String query =
        "?grant_type=refresh_token&client_id=%s&client_secret=%s&refresh_token=%s"
            .formatted(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN);

    assertThat(refreshedToken(client.sendForm("/oauth/v2/token" + query, "")).has("access_token"))
        .isTrue();
  }

  @Test
  void cancelsASeededMeetingOnceThenAnswersBothErrorShapes() throws IOException {
    String accessToken =
        refreshedToken(
                client.refresh(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REFRESH_TOKEN))
            .path("access_token")
            .asText();
    String body = ZohoTestClient.mailBody(false);

    assertAnswer(
        client.cancel("v7", UPCOMING_MEETING, body, accessToken),
        200,
        """
        {"data":[{"code":"SUCCESS","details":{"id":"4876876000001563018"},\
        "message":"The event is successfully cancelled","status":"success"}]}""");
    assertAnswer(
        client.cancel("v8", UPCOMING_MEETING, body, accessToken),
        400,
        """
        {"data":[{"code":"NOT_ALLOWED","details":{},\
        "message":"The event is already cancelled","status":"error"}]}""");
    assertAnswer(
        client.cancel("v8", UPCOMING_MEETING, body, "1000.not-a-token"),
        401,
        """
        {"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""");
  }

  private static JsonNode refreshedToken(ZohoTestClient.Answer answer) {
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo(JSON);
    JsonNode token = answer.json();
    assertThat(token.path("access_token").asText()).as(answer.body()).isNotEmpty();
    return token;
  }

  private static void assertAnswer(ZohoTestClient.Answer answer, int status, String body) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo(JSON);
    assertThat(answer.body()).isEqualTo(body);
  }

  private static void awaitOutput(Path log, String expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (output.contains(expected)) {
        return;
      }
      if (!emulator.isAlive()) {
        throw new AssertionError("emulator exited with " + emulator.exitValue() + "\n" + output);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "emulator did not print '"
            + expected
            + "' within "
            + timeout
            + "\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }
}
