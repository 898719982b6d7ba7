package dev.zohoconnect.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The canned answers of injected faults that replace the real answer. */
final class FaultReplies {

  /** What an nginx in front of an unreachable upstream sends: HTML, where a client expects JSON. */
  private static final String BAD_GATEWAY_PAGE =
      """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """;

  private static final String TOKEN_LOOKALIKE =
      "{\"access_token\":\"1000.00000000000000000000000000000000\",\"expires_in\":3600,"
          + "\"api_domain\":\"https://www.zohoapis.com\",\"token_type\":\"Bearer\"}";

  private FaultReplies() {}

  static EmulatorReply badGateway() {
    return EmulatorReply.html(502, BAD_GATEWAY_PAGE);
  }

  /**
   * Zoho documents no {@code Retry-After}; only a fault that asks for one gets it, in whole
   * seconds.
   */
  static EmulatorReply tooManyRequests(Optional<Duration> retryAfter) {
    EmulatorReply reply = ZohoErrors.tooManyRequests().toReply();
    return retryAfter
        .map(delay -> reply.withHeader("Retry-After", String.valueOf(ceilSeconds(delay))))
        .orElse(reply);
  }

  static EmulatorReply emptyBody() {
    return EmulatorReply.jsonText(200, "");
  }

  /**
   * The first half of a plausible success body, so a lenient parser might even find a {@code
   * "SUCCESS"}.
   */
  static EmulatorReply truncatedJson(Route route) {
    byte[] whole =
        route.endpoint() == Endpoint.TOKEN
            ? TOKEN_LOOKALIKE.getBytes(StandardCharsets.UTF_8)
            : Json.bytes(
                CancelEventEndpoint.successBody(Optional.ofNullable(route.recordId()).orElse("0")));
    return EmulatorReply.jsonBytes(200, Arrays.copyOf(whole, whole.length / 2));
  }

  private static long ceilSeconds(Duration delay) {
    return (delay.toMillis() + 999) / 1000;
  }
}
