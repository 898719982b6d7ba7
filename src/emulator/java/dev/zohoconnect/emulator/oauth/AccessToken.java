package dev.zohoconnect.emulator.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A short-lived token as sent in {@code Authorization: Zoho-oauthtoken <value>}.
 *
 * @param refreshToken the refresh token it was issued from; empty for tokens minted directly by a
 *     test
 */
public record AccessToken(
    String value,
    String userId,
    Set<String> scopes,
    Instant expiresAt,
    Optional<String> refreshToken) {

  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
  }

  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public AccessToken expiredAt(Instant now) {
    return new AccessToken(value, userId, scopes, now, refreshToken);
  }
}
