package dev.zohoconnect.emulator;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a {@link Route}. Checks go from the outside in, as Zoho's gateway does: a
 * path no API has is {@code INVALID_URL_PATTERN}, a known path under an unsupported version is
 * {@code API_NOT_SUPPORTED}, a known path with the wrong method is {@code INVALID_REQUEST_METHOD}.
 */
final class Router {

  static final String TOKEN_PATH = "/oauth/v2/token";
  static final Set<String> SUPPORTED_VERSIONS = Set.of("v7", "v8");

  private static final Pattern EVENT_PATH =
      Pattern.compile("/crm/([^/]+)/Events/([^/]+)(/actions/cancel)?");
  private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

  Route resolve(String method, String rawPath) {
    if (TOKEN_PATH.equals(rawPath)) {
      return requireMethod("POST", method, new Route.Matched(Endpoint.TOKEN, null, null));
    }
    Matcher event = EVENT_PATH.matcher(rawPath);
    if (!event.matches() || !VERSION.matcher(event.group(1)).matches()) {
      return new Route.Rejected(Endpoint.UNKNOWN, null, ZohoErrors.invalidUrlPattern());
    }
    String version = event.group(1);
    String recordId = event.group(2);
    boolean cancel = event.group(3) != null;
    Endpoint endpoint = cancel ? Endpoint.CANCEL_EVENT : Endpoint.GET_EVENT;
    if (!SUPPORTED_VERSIONS.contains(version)) {
      return new Route.Rejected(endpoint, recordId, ZohoErrors.apiNotSupported());
    }
    return requireMethod(
        cancel ? "POST" : "GET", method, new Route.Matched(endpoint, version, recordId));
  }

  private static Route requireMethod(String expected, String actual, Route.Matched route) {
    return expected.equals(actual)
        ? route
        : new Route.Rejected(route.endpoint(), route.recordId(), ZohoErrors.invalidRequestMethod());
  }
}
