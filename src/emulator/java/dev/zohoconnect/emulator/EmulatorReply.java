package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's HTTP answer, computed completely before anything goes on the wire (so a fault can
 * still swallow it).
 */
record EmulatorReply(int status, Map<String, String> headers, byte[] body) {

  /** Zoho's exact header, charset spelling included. */
  static final String JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

  EmulatorReply {
    headers = Map.copyOf(headers);
  }

  static EmulatorReply json(int status, JsonNode body) {
    return withContentType(status, JSON_CONTENT_TYPE, Json.bytes(body));
  }

  static EmulatorReply jsonText(int status, String body) {
    return jsonBytes(status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes labelled as JSON whether or not they are, as a broken upstream would send them. */
  static EmulatorReply jsonBytes(int status, byte[] body) {
    return withContentType(status, JSON_CONTENT_TYPE, body);
  }

  static EmulatorReply html(int status, String body) {
    return withContentType(status, "text/html", body.getBytes(StandardCharsets.UTF_8));
  }

  /** No body and no content type, e.g. Zoho's 204 for a record that does not exist. */
  static EmulatorReply noContent(int status) {
    return new EmulatorReply(status, Map.of(), new byte[0]);
  }

  EmulatorReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new EmulatorReply(status, more, body);
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static EmulatorReply withContentType(int status, String contentType, byte[] body) {
    return new EmulatorReply(status, Map.of("Content-Type", contentType), body);
  }
}
