package dev.zohoconnect.cancelmeeting.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoError;
import dev.zohoconnect.cancelmeeting.http.HttpReply;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Zoho's answer to a record action. Zoho puts an error either at the top level or as the
 * first item of {@code data}, and has been seen answering HTTP 200 with an error item, so the
 * status alone decides nothing.
 */
public final class ZohoResponseParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What Zoho's codes look like (NOT_ALLOWED, INVALID_TOKEN): a word. Anything else (empty,
   * garbled, endless) would be raised as a BPMN error code no boundary event can name.
   */
  private static final Pattern ZOHO_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private ZohoResponseParser() {}

  public static ZohoAnswer parse(HttpReply reply) {
    if (reply.isRedirect()) {
      // Whatever its body says, a redirect is not Zoho's answer to this request.
      String host = reply.locationHost().orElse(null);
      return new ZohoAnswer.Unreadable(
          reply.status(),
          host == null ? "a redirect without a usable Location" : "a redirect to host " + host,
          host);
    }
    if (reply.oversized()) {
      return withoutZohoBody(
          reply,
          "an answer larger than "
              + HttpTransport.MAX_ANSWER_BYTES / 1024
              + " KiB, which no Zoho answer is");
    }
    if (reply.status() < 400) {
      ZohoAnswer.Cancelled plain = PlainSuccess.read(JSON.getFactory(), reply.body());
      if (plain != null) {
        return plain;
      }
    }
    return read(reply);
  }

  /** Reads any answer as a JSON tree; {@link PlainSuccess} reads the common one faster alike. */
  static ZohoAnswer read(HttpReply reply) {
    JsonNode root = readJson(reply.body());
    if (root == null) {
      return withoutZohoBody(
          reply, reply.body().isBlank() ? "an empty body" : "a body that is not Zoho's JSON");
    }
    if (isError(root)) {
      return refused(reply, root);
    }
    if (saysError(root)) {
      // An error without a code to raise: whatever data holds, it is not a cancellation.
      return withoutZohoBody(reply, "an error without a usable code");
    }
    JsonNode first = root.path("data").path(0);
    if (first.isObject() && isError(first)) {
      return refused(reply, first);
    }
    if (first.isObject()
        && "success".equalsIgnoreCase(first.path("status").asText())
        && reply.status() < 400) {
      return new ZohoAnswer.Cancelled(
          first.path("code").asText("SUCCESS"), first.path("message").asText(""));
    }
    return withoutZohoBody(reply, "JSON without a Zoho status");
  }

  private static boolean isError(JsonNode node) {
    return saysError(node)
        && node.path("code").isTextual()
        && ZOHO_CODE.matcher(node.path("code").asText()).matches();
  }

  private static boolean saysError(JsonNode node) {
    return "error".equalsIgnoreCase(node.path("status").asText());
  }

  private static ZohoAnswer refused(HttpReply reply, JsonNode node) {
    @SuppressWarnings("unchecked")
    Map<String, Object> details =
        node.path("details").isObject()
            ? JSON.convertValue(node.get("details"), Map.class)
            : Map.of();
    ZohoError error =
        new ZohoError(
            reply.status(), node.get("code").asText(), node.path("message").asText(""), details);
    return new ZohoAnswer.Refused(error, reply.retryAfter().orElse(null));
  }

  // A 429 keeps its meaning even when a proxy strips the body.
  private static ZohoAnswer withoutZohoBody(HttpReply reply, String problem) {
    if (reply.status() == 429) {
      return new ZohoAnswer.Refused(
          new ZohoError(
              429, ErrorCodes.TOO_MANY_REQUESTS, "HTTP 429 without a Zoho body", Map.of()),
          reply.retryAfter().orElse(null));
    }
    return new ZohoAnswer.Unreadable(reply.status(), problem);
  }

  private static JsonNode readJson(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }
}
