package dev.zohoconnect.cancelmeeting.error;

import java.util.Map;

/**
 * What a modeler or operator should do about each error code. Appended to every error message so an
 * incident in Operate explains itself without a trip to the documentation.
 */
final class ErrorGuidance {

  private static final Map<String, String> ADVICE =
      Map.ofEntries(
          Map.entry(
              ErrorCodes.INVALID_URL_PATTERN,
              "Check the API version and, if set, the API base URL override."),
          Map.entry(
              ErrorCodes.OAUTH_SCOPE_MISMATCH,
              "Create a new grant with scope ZohoCRM.Modules.Events.UPDATE (or"
                  + " ZohoCRM.Modules.Events.ALL / ZohoCRM.Modules.ALL)."),
          Map.entry(
              ErrorCodes.INTERNAL_ERROR, "Zoho failed internally; the task is retried automatically."),
          Map.entry(
              ErrorCodes.INVALID_REQUEST_METHOD,
              "Check the API base URL override: a proxy may have rewritten the request."),
          Map.entry(
              ErrorCodes.INVALID_DATA,
              "Check that the meeting id names an existing Zoho CRM meeting (module Events)."),
          Map.entry(
              ErrorCodes.MANDATORY_NOT_FOUND,
              "Set 'Send cancellation mail' to true or false."),
          Map.entry(
              ErrorCodes.NOT_ALLOWED,
              "See zohoError.reason: ALREADY_CANCELLED, NO_PARTICIPANTS_INVITED or MEETING_ENDED."),
          Map.entry(
              ErrorCodes.CANNOT_PERFORM_ACTION,
              "The Zoho user behind the credentials may not act on this meeting; share it or use"
                  + " another user."),
          Map.entry(
              ErrorCodes.NO_PERMISSION,
              "Give the Zoho user's profile the permission to edit Meetings."),
          Map.entry(
              ErrorCodes.DAILY_LIMIT_EXCEEDED,
              "The Zoho user's daily mail limit is reached: cancel without mail, or enable 'Cancel"
                  + " without mail when the daily mail limit is reached'."),
          Map.entry(
              ErrorCodes.DEPENDENT_MISMATCH,
              "'Cancelled by' needs 'Send cancellation mail' set to true."),
          Map.entry(
              ErrorCodes.INVALID_TOKEN,
              "The access token is expired or wrong: supply a fresh one, or use the refresh-token"
                  + " authentication, which renews tokens itself."),
          Map.entry(
              ErrorCodes.AUTHENTICATION_FAILURE,
              "Check the credentials and that they belong to this Zoho data center."),
          Map.entry(
              ErrorCodes.TOO_MANY_REQUESTS,
              "The org's API credit or concurrency limit is reached; the task is retried with"
                  + " backoff. Lower the runtime's job concurrency if this persists."),
          Map.entry(
              ErrorCodes.LIMIT_EXCEEDED, "A Zoho limit is reached; see the details and Zoho's limits."),
          Map.entry(ErrorCodes.API_NOT_SUPPORTED, "Choose API version v7 or v8."),
          Map.entry(
              ErrorCodes.CONNECTION_FAILED,
              "Zoho could not be reached; the task is retried. Check the network and the URLs if it"
                  + " persists."),
          Map.entry(
              ErrorCodes.TIMEOUT,
              "Zoho did not answer in time; the task is retried. Raise the read timeout if it"
                  + " persists."),
          Map.entry(
              ErrorCodes.SERVER_ERROR,
              "Zoho or a proxy in between failed (HTTP 5xx without a Zoho answer); the task is"
                  + " retried."),
          Map.entry(
              ErrorCodes.HTTP_ERROR,
              "Something between the runtime and Zoho refused or redirected the call (HTTP 4xx or"
                  + " 3xx without a Zoho answer); check proxies and the API base URL."),
          Map.entry(
              ErrorCodes.INVALID_RESPONSE,
              "Zoho's answer could not be read; the task is retried, and a cancellation that went"
                  + " through is recognised."),
          Map.entry(
              ErrorCodes.EXECUTION_STOPPED,
              "The execution's time budget ran out or the runtime is stopping; the task is retried."
                  + " If it persists, lower the timeouts or raise ZOHO_CONNECTOR_EXECUTION_BUDGET"
                  + " (keeping it below the runtime's job timeout)."),
          Map.entry(
              ErrorCodes.OAUTH_INVALID_CLIENT,
              "Zoho's accounts server does not know this client: most often the data center is"
                  + " wrong (an EU client used against accounts.zoho.com). Check the data center,"
                  + " client id and client secret."),
          Map.entry(
              ErrorCodes.OAUTH_INVALID_REFRESH_TOKEN,
              "The refresh token is revoked, wrong, or belongs to another client or data center:"
                  + " generate a new one in Zoho's API console (Self Client)."),
          Map.entry(
              ErrorCodes.OAUTH_RATE_LIMITED,
              "Zoho allows 10 token refreshes per 10 minutes per refresh token; the task is retried"
                  + " later. Do not share one refresh token between many runtimes."),
          Map.entry(
              ErrorCodes.TOKEN_REJECTED,
              "The task is retried once the token is renewed. If this recurs, give each runtime its"
                  + " own refresh token (Zoho keeps at most 15 access tokens of one refresh token"
                  + " alive and issues at most 10 in 10 minutes), and check that the accounts URL"
                  + " and the API host belong to the same data center."),
          Map.entry(
              ErrorCodes.OAUTH_UNAVAILABLE, "Zoho's accounts server did not answer; retried."),
          Map.entry(
              ErrorCodes.OAUTH_ERROR, "Zoho's accounts server refused the refresh; see details."),
          Map.entry(
              ErrorCodes.CONCURRENCY_LIMIT_WAIT,
              "The runtime's calls to this Zoho org were at the org's concurrency limit for the"
                  + " whole execution, so no call was made; the task is retried. If it persists,"
                  + " run fewer jobs at once, or check the template's Zoho edition and the"
                  + " runtime's ZOHO_CONNECTOR_MAX_CONCURRENT_CALLS."));

  private ErrorGuidance() {}

  static String adviceFor(String code) {
    return ADVICE.getOrDefault(code, "See Zoho's message and details.");
  }
}
