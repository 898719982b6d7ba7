package dev.zohoconnect.emulator.oauth;

import java.util.Objects;

/** A registered API client, e.g. the "Self Client" from Zoho's API console. */
public record OAuthClient(String clientId, String clientSecret) {

  public OAuthClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  public boolean authenticates(String secret) {
    return clientSecret.equals(secret);
  }
}
