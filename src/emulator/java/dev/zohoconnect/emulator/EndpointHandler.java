package dev.zohoconnect.emulator;

/**
 * Serves one endpoint. Zoho errors are thrown as {@link ZohoErrorException}; anything else becomes
 * a 500.
 */
interface EndpointHandler {

  EmulatorReply handle(IncomingRequest request, Route.Matched route);
}
