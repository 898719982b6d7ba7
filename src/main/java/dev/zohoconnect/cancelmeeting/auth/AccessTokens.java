package dev.zohoconnect.cancelmeeting.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The runtime-wide cache of access tokens, one entry per set of credentials.
 *
 * <p>Keys are SHA-256 digests of the credentials, so the map never holds a secret as a key that a
 * heap dump or a debugger's toString would show next to its owner.
 */
public final class AccessTokens {

  /** Far more credential sets than any runtime serves; past it the cache starts afresh. */
  private static final int MAX_ENTRIES = 10_000;

  /** A fresh digest to clone per fingerprint (never updated itself). */
  private static final MessageDigest SHA256 = sha256();

  private final ConcurrentMap<String, RefreshingAccessToken> byCredentials =
      new ConcurrentHashMap<>();
  private final OAuthTokenClient oauth;
  private final Clock clock;

  public AccessTokens(OAuthTokenClient oauth, Clock clock) {
    this.oauth = oauth;
    this.clock = clock;
  }

  /** The shared, self-renewing token of these credentials. */
  public AccessTokenSource refreshing(OAuthTokenClient.Grant grant) {
    if (byCredentials.size() >= MAX_ENTRIES) {
      byCredentials.clear();
    }
    return byCredentials.computeIfAbsent(
        fingerprint(grant), key -> new RefreshingAccessToken(oauth, grant, clock));
  }

  static String fingerprint(OAuthTokenClient.Grant grant) {
    MessageDigest sha256 = newSha256();
    update(sha256, grant.accountsUrl().toString());
    update(sha256, grant.clientId());
    update(sha256, grant.clientSecret());
    update(sha256, grant.refreshToken());
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static void update(MessageDigest digest, String part) {
    digest.update(part.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0); // separator: ("ab","c") and ("a","bc") must differ
  }

  // Every job computes a fingerprint: cloning a digest skips getInstance's provider lookup.
  private static MessageDigest newSha256() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException notCloneable) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
