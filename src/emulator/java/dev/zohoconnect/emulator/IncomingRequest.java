package dev.zohoconnect.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request read completely off the wire, so endpoint code never touches the exchange.
 *
 * @param rawPath the path as sent, still percent-encoded, so {@code /Events/12%2034} is not
 *     mistaken for an id
 */
record IncomingRequest(
    String method, String rawPath, String rawQuery, String authorization, byte[] body) {

  static IncomingRequest read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new IncomingRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("Authorization"),
        body);
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Form parameters from the query string and the url-encoded body together: Zoho's own samples
   * send the refresh grant as query parameters of a POST, most libraries send it as a form body.
   */
  Map<String, String> formParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    addEncodedPairs(rawQuery, parameters);
    addEncodedPairs(bodyText(), parameters);
    return parameters;
  }

  private static void addEncodedPairs(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isBlank()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      into.put(decode(name), decode(value));
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
