package dev.zohoconnect.emulator.oauth;

import java.util.Objects;
import java.util.Set;

/**
 * A long-lived grant: issued to one client, acting for one CRM user, limited to a set of scopes.
 */
public record RefreshToken(String value, String clientId, String userId, Set<String> scopes) {

  public RefreshToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(userId, "userId");
    scopes = Set.copyOf(scopes);
  }
}
