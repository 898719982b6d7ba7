package dev.zohoconnect.emulator;

/** The kinds of request the emulator tells apart, for counters and for aiming injected faults. */
public enum Endpoint {
  /** {@code POST /oauth/v2/token}, the accounts server. */
  TOKEN,
  /** {@code GET /crm/{version}/Events/{id}}. */
  GET_EVENT,
  /** {@code POST /crm/{version}/Events/{id}/actions/cancel}. */
  CANCEL_EVENT,
  /** Any other URL; answered with {@code INVALID_URL_PATTERN}. */
  UNKNOWN;

  /** Everything but the accounts server counts against the org's API limits. */
  public boolean isCrmApi() {
    return this != TOKEN;
  }
}
