package dev.zohoconnect.emulator;

/**
 * Where a request goes: an endpoint that will handle it, or a routing error Zoho answers before
 * anything else.
 */
sealed interface Route {

  Endpoint endpoint();

  /** The meeting id path segment as sent, {@code null} if the path has none. */
  String recordId();

  /**
   * @param version {@code v7} or {@code v8} for CRM calls, {@code null} for the token endpoint
   * @param recordId the meeting id path segment as sent (not yet validated), {@code null} if the
   *     path has none
   */
  record Matched(Endpoint endpoint, String version, String recordId) implements Route {

    boolean isV8() {
      return "v8".equals(version);
    }
  }

  record Rejected(Endpoint endpoint, String recordId, ZohoErrorReply error) implements Route {}
}
