package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A plain JDK HTTP client speaking to the emulator the way the connector will: no emulator
 * internals involved. Public for the proof that the packaged emulator jar serves the same API.
 */
public final class ZohoTestClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One HTTP answer. */
  public record Answer(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }

    /** The error object of either shape: top-level, or the first item of {@code data[]}. */
    JsonNode error() {
      JsonNode root = json();
      return root.has("data") ? root.path("data").path(0) : root;
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse(null);
    }
  }

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public ZohoTestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static String mailBody(boolean sendMail) {
    return "{\"data\":[{\"send_cancelling_mail\":" + sendMail + "}]}";
  }

  Answer cancel(String meetingId, boolean sendMail, String accessToken) throws IOException {
    return cancel("v7", meetingId, mailBody(sendMail), accessToken);
  }

  public Answer cancel(String version, String meetingId, String body, String accessToken)
      throws IOException {
    return send("POST", cancelPath(version, meetingId), oauthHeader(accessToken), body);
  }

  Answer getEvent(String meetingId, String accessToken) throws IOException {
    return send("GET", "/crm/v7/Events/" + meetingId, oauthHeader(accessToken), null);
  }

  CompletableFuture<HttpResponse<String>> getEventAsync(String meetingId, String accessToken) {
    return sendAsync(request("GET", "/crm/v7/Events/" + meetingId, oauthHeader(accessToken), null));
  }

  CompletableFuture<HttpResponse<String>> cancelAsync(
      String meetingId, boolean sendMail, String accessToken) {
    return sendAsync(
        request("POST", cancelPath("v7", meetingId), oauthHeader(accessToken), mailBody(sendMail)));
  }

  /** The refresh-token grant as a form body, the way most OAuth libraries send it. */
  public Answer refresh(String clientId, String clientSecret, String refreshToken)
      throws IOException {
    String form =
        "grant_type=refresh_token&client_id="
            + clientId
            + "&client_secret="
            + clientSecret
            + "&refresh_token="
            + refreshToken;
    return sendForm(Router.TOKEN_PATH, form);
  }

  public Answer sendForm(String pathAndQuery, String form) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return exchange(request);
  }

  /**
   * Any request; {@code authorization} is the whole header value or {@code null} to leave it out.
   */
  Answer send(String method, String path, String authorization, String body) throws IOException {
    return exchange(request(method, path, authorization, body));
  }

  static String cancelPath(String version, String meetingId) {
    return "/crm/" + version + "/Events/" + meetingId + "/actions/cancel";
  }

  static String oauthHeader(String accessToken) {
    return accessToken == null ? null : "Zoho-oauthtoken " + accessToken;
  }

  private HttpRequest request(String method, String path, String authorization, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private Answer exchange(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
