package dev.zohoconnect.emulator.fault;

import dev.zohoconnect.emulator.Endpoint;

/** Which requests an injected fault may hit. */
public enum FaultTarget {
  TOKEN,
  CANCEL,
  GET_EVENT,
  /** Any CRM API request (not the token endpoint). */
  API,
  ANY;

  public boolean matches(Endpoint endpoint) {
    return switch (this) {
      case TOKEN -> endpoint == Endpoint.TOKEN;
      case CANCEL -> endpoint == Endpoint.CANCEL_EVENT;
      case GET_EVENT -> endpoint == Endpoint.GET_EVENT;
      case API -> endpoint.isCrmApi();
      case ANY -> true;
    };
  }
}
