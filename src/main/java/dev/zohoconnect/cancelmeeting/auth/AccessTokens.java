package dev.zohoconnect.cancelmeeting.auth;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The runtime-wide cache of access tokens, one entry per set of credentials.
 *
 * <p>Keys are SHA-256 digests of the credentials, so the map never holds a secret as a key that a
 * heap dump or a debugger's toString would show next to its owner.
 *
 * <p>Bounded: past {@link #DEFAULT_CAPACITY} sets of credentials the least recently used entry
 * goes, unless a refresh is under way for it. Dropping that one would let the next job with those
 * credentials start a second refresh beside it, and its waiters' result would be lost to the cache.
 */
public final class AccessTokens {

  /** Far more credential sets than any runtime serves. */
  static final int DEFAULT_CAPACITY = 10_000;

  // Access order: iteration starts at the least recently used entry. Guarded by itself.
  private final LinkedHashMap<String, RefreshingAccessToken> byCredentials =
      new LinkedHashMap<>(64, 0.75f, true);
  private final TokenIssuer issuer;
  private final Clock clock;
  private final RandomGenerator random;
  private final int capacity;

  public AccessTokens(OAuthTokenClient oauth, Clock clock) {
    // Each thread draws from its own generator: no contention, no shared state.
    this(oauth, clock, () -> ThreadLocalRandom.current().nextLong());
  }

  /**
   * @param random jitters the back-off after Zoho rejects fresh tokens; used from many threads
   */
  public AccessTokens(OAuthTokenClient oauth, Clock clock, RandomGenerator random) {
    this(oauth, clock, random, DEFAULT_CAPACITY);
  }

  AccessTokens(TokenIssuer issuer, Clock clock, RandomGenerator random, int capacity) {
    this.issuer = issuer;
    this.clock = clock;
    this.random = random;
    this.capacity = capacity;
  }

  /** The shared, self-renewing token of these credentials. */
  public AccessTokenSource refreshing(OAuthTokenClient.Grant grant) {
    String key = fingerprint(grant); // the costly part, outside the lock
    synchronized (byCredentials) {
      RefreshingAccessToken source = byCredentials.get(key); // marks it most recently used
      if (source == null) {
        source = new RefreshingAccessToken(issuer, grant, callerKey(grant), clock, random);
        byCredentials.put(key, source);
        evictBeyondCapacity(key);
      }
      return source;
    }
  }

  /** How many sets of credentials the cache holds. */
  int size() {
    synchronized (byCredentials) {
      return byCredentials.size();
    }
  }

  // Least recently used first, never the entry just added, never one with a refresh in flight.
  private void evictBeyondCapacity(String added) {
    Iterator<Map.Entry<String, RefreshingAccessToken>> eldestFirst =
        byCredentials.entrySet().iterator();
    while (byCredentials.size() > capacity && eldestFirst.hasNext()) {
      Map.Entry<String, RefreshingAccessToken> entry = eldestFirst.next();
      if (!entry.getKey().equals(added) && !entry.getValue().isRefreshing()) {
        eldestFirst.remove();
      }
    }
  }

  /**
   * Zoho counts concurrent calls per org and client, not per refresh token: every refresh token of
   * one client shares the count.
   */
  private static String callerKey(OAuthTokenClient.Grant grant) {
    return Fingerprint.of(grant.accountsUrl().toString(), grant.clientId());
  }

  static String fingerprint(OAuthTokenClient.Grant grant) {
    return Fingerprint.of(
        grant.accountsUrl().toString(),
        grant.clientId(),
        grant.clientSecret(),
        grant.refreshToken());
  }
}
