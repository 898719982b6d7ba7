package dev.zohoconnect.emulator;

/**
 * Carries a Zoho error out of endpoint code; not an emulator failure, so no stack trace is
 * collected.
 */
final class ZohoErrorException extends RuntimeException {

  private final transient ZohoErrorReply error;

  ZohoErrorException(ZohoErrorReply error) {
    super(error.code(), null, false, false);
    this.error = error;
  }

  ZohoErrorReply error() {
    return error;
  }
}
