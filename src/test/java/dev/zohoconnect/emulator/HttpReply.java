package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer, computed completely before anything goes on the wire (so a fault can still swallow it). */
record HttpReply(int status, Map<String, String> headers, byte[] body) {

    /** Zoho's exact header, charset spelling included. */
    static final String JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

    HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply json(int status, JsonNode body) {
        return withContentType(status, JSON_CONTENT_TYPE, Json.bytes(body));
    }

    static HttpReply jsonText(int status, String body) {
        return jsonBytes(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes labelled as JSON whether or not they are, as a broken upstream would send them. */
    static HttpReply jsonBytes(int status, byte[] body) {
        return withContentType(status, JSON_CONTENT_TYPE, body);
    }

    static HttpReply html(int status, String body) {
        return withContentType(status, "text/html", body.getBytes(StandardCharsets.UTF_8));
    }

    /** No body and no content type, e.g. Zoho's 204 for a record that does not exist. */
    static HttpReply noContent(int status) {
        return new HttpReply(status, Map.of(), new byte[0]);
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, more, body);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static HttpReply withContentType(int status, String contentType, byte[] body) {
        return new HttpReply(status, Map.of("Content-Type", contentType), body);
    }
}
