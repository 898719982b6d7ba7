package dev.zohoconnect.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables each connector's job carries once the engine has applied the task's input mappings:
 * what {@link BenchmarkProcesses} configures, for in-process runs without an engine. Secrets stay
 * as {@code {{secrets.NAME}}} placeholders; the runtime's context replaces them.
 */
final class JobVariables {

  private JobVariables() {}

  /** This connector with an access token, every field as the element template writes it. */
  static Map<String, Object> connectorAccessToken(String meetingId, String zohoUrl) {
    return connector(
        meetingId,
        zohoUrl,
        Map.of("type", "accessToken", "accessToken", "{{secrets.ZOHO_ACCESS_TOKEN}}"));
  }

  /** This connector with Zoho's refresh-token grant (the template's default authentication). */
  static Map<String, Object> connectorRefreshToken(String meetingId, String zohoUrl) {
    return connector(
        meetingId,
        zohoUrl,
        Map.of(
            "type", "refreshToken",
            "clientId", "{{secrets.ZOHO_CLIENT_ID}}",
            "clientSecret", "{{secrets.ZOHO_CLIENT_SECRET}}",
            "refreshToken", "{{secrets.ZOHO_REFRESH_TOKEN}}"));
  }

  private static Map<String, Object> connector(
      String meetingId, String zohoUrl, Map<String, Object> authentication) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("meeting", Map.of("meetingId", meetingId, "sendCancellingMail", false));
    vars.put("authentication", authentication);
    vars.put("dataCenter", "US");
    vars.put(
        "options",
        Map.of(
            "apiVersion",
            "V7",
            "alreadyCancelledIsSuccess",
            false,
            "cancelWithoutMailOnDailyLimit",
            false,
            "connectTimeoutSeconds",
            10,
            "readTimeoutSeconds",
            30));
    vars.put("endpoints", Map.of("enabled", true, "accountsUrl", zohoUrl, "apiBaseUrl", zohoUrl));
    return vars;
  }

  /**
   * Camunda's REST connector configured by hand for the same call. Its bearer authentication would
   * send {@code Authorization: Bearer ...}, which Zoho ignores, so the Zoho header goes into {@code
   * headers} with authentication "none" (what a user has to do).
   */
  static Map<String, Object> restAccessToken(String meetingId, String zohoUrl) {
    return restCancel(meetingId, zohoUrl, "Zoho-oauthtoken {{secrets.ZOHO_ACCESS_TOKEN}}");
  }

  static Map<String, Object> restCancel(String meetingId, String zohoUrl, String authorization) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("authentication", Map.of("type", "noAuth"));
    vars.put("method", "POST");
    vars.put("url", zohoUrl + "/crm/v7/Events/" + meetingId + "/actions/cancel");
    vars.put("headers", Map.of("Authorization", authorization));
    vars.put("body", Map.of("data", List.of(Map.of("send_cancelling_mail", false))));
    // The REST template's defaults for the remaining fields.
    vars.put("connectionTimeoutInSeconds", 20);
    vars.put("readTimeoutInSeconds", 20);
    vars.put("storeResponse", false);
    vars.put("skipEncoding", "false");
    vars.put("groupSetCookieHeaders", false);
    vars.put("ignoreNullValues", false);
    return vars;
  }
}
