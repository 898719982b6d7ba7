package dev.zohoconnect.emulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zoho's accounts server: registered clients, refresh tokens, and the access tokens issued from
 * them.
 *
 * <p>Enforces the documented token limits on the emulator clock: an access token lives one hour (or
 * the {@linkplain #accessTokenLifetime(Duration) lifetime set}), a refresh token yields at most ten
 * access tokens in ten minutes, and at most fifteen of its access tokens are alive at once (a
 * sixteenth silently invalidates the oldest, which is how a client that refreshes per call loses
 * tokens it still holds).
 */
public final class TokenService {

  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
  public static final int MAX_REFRESHES_PER_WINDOW = 10;
  public static final Duration REFRESH_WINDOW = Duration.ofMinutes(10);
  public static final int MAX_ALIVE_PER_REFRESH_TOKEN = 15;

  /** Per refresh token bookkeeping; only touched while holding the service's lock. */
  private static final class Usage {
    final RefreshToken grant;
    final Deque<Instant> recentIssues = new ArrayDeque<>();
    final Deque<String> aliveTokens = new ArrayDeque<>();

    Usage(RefreshToken grant) {
      this.grant = grant;
    }
  }

  private final InstantSource clock;
  private volatile Duration accessTokenLifetime = ACCESS_TOKEN_LIFETIME;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
  private final Map<String, Usage> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

  public TokenService(InstantSource clock) {
    this.clock = clock;
  }

  public Duration accessTokenLifetime() {
    return accessTokenLifetime;
  }

  /**
   * The lifetime of the access tokens issued from now on, announced as their {@code expires_in};
   * tokens already issued keep theirs. Zoho's is an hour. A test that must see tokens expire within
   * minutes of real time sets a shorter one, so that they expire when their announced lifetime
   * says, as at Zoho: moving the emulator clock instead expires a token the client has just
   * obtained by its own clock, which to a client looks like a revoked or evicted token, not an
   * expired one. Below about 80 seconds, a client that renews in the last quarter of the lifetime
   * needs more than the ten refreshes Zoho allows in ten minutes.
   */
  public TokenService accessTokenLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.getNano() != 0) {
      throw new IllegalArgumentException(
          "accessTokenLifetime must be whole seconds, at least one (expires_in is in seconds): "
              + lifetime);
    }
    this.accessTokenLifetime = lifetime;
    return this;
  }

  public OAuthClient registerClient(String clientId, String clientSecret) {
    OAuthClient client = new OAuthClient(clientId, clientSecret);
    clients.put(clientId, client);
    return client;
  }

  /** Registers a refresh token with a generated value, as the API console would. */
  public RefreshToken registerRefreshToken(
      String clientId, String userId, Collection<String> scopes) {
    return registerRefreshToken(newTokenValue() + "." + randomHex(), clientId, userId, scopes);
  }

  public synchronized RefreshToken registerRefreshToken(
      String value, String clientId, String userId, Collection<String> scopes) {
    if (!clients.containsKey(clientId)) {
      throw new IllegalArgumentException("Register the client first: " + clientId);
    }
    RefreshToken grant = new RefreshToken(value, clientId, userId, Set.copyOf(scopes));
    refreshTokens.put(value, new Usage(grant));
    return grant;
  }

  /** Revokes the refresh token and every access token issued from it. */
  public synchronized void revokeRefreshToken(String value) {
    Usage usage = refreshTokens.remove(value);
    if (usage != null) {
      usage.aliveTokens.forEach(accessTokens::remove);
    }
  }

  /** The refresh-token grant of {@code POST /oauth/v2/token}, in the order Zoho checks it. */
  public synchronized TokenGrant refresh(
      String clientId, String clientSecret, String refreshToken) {
    OAuthClient client = clientId == null ? null : clients.get(clientId);
    if (client == null || !client.authenticates(clientSecret)) {
      return TokenGrant.Refused.invalidClient();
    }
    Usage usage = refreshToken == null ? null : refreshTokens.get(refreshToken);
    if (usage == null || !usage.grant.clientId().equals(clientId)) {
      return TokenGrant.Refused.invalidCode();
    }
    Instant now = clock.instant();
    forgetIssuesBefore(usage, now.minus(REFRESH_WINDOW));
    if (usage.recentIssues.size() >= MAX_REFRESHES_PER_WINDOW) {
      return TokenGrant.Refused.tooManyRefreshes();
    }
    usage.recentIssues.addLast(now);
    Duration lifetime = accessTokenLifetime;
    AccessToken token =
        newAccessToken(
            usage.grant.userId(), usage.grant.scopes(), Optional.of(refreshToken), lifetime);
    keepAliveWithinLimit(usage, token, now);
    return new TokenGrant.Issued(token, lifetime);
  }

  /** Mints a token directly, skipping the client and refresh-token dance; handy for API tests. */
  public AccessToken issueAccessToken(String userId, Collection<String> scopes) {
    return newAccessToken(userId, Set.copyOf(scopes), Optional.empty(), accessTokenLifetime);
  }

  /**
   * The token if it exists, was not revoked or displaced, and has not expired on the emulator
   * clock.
   */
  public Optional<AccessToken> findValid(String value) {
    AccessToken token = value == null ? null : accessTokens.get(value);
    return Optional.ofNullable(token).filter(candidate -> candidate.isValidAt(clock.instant()));
  }

  public void expire(String accessToken) {
    Instant now = clock.instant();
    accessTokens.computeIfPresent(accessToken, (key, token) -> token.expiredAt(now));
  }

  public void expireAll() {
    Instant now = clock.instant();
    accessTokens.replaceAll((key, token) -> token.expiredAt(now));
  }

  public void revoke(String accessToken) {
    accessTokens.remove(accessToken);
  }

  /** Access tokens of this refresh token that would still be accepted. */
  public synchronized List<String> aliveTokens(String refreshToken) {
    Usage usage = refreshTokens.get(refreshToken);
    return usage == null
        ? List.of()
        : usage.aliveTokens.stream().filter(token -> findValid(token).isPresent()).toList();
  }

  private AccessToken newAccessToken(
      String userId, Set<String> scopes, Optional<String> refreshToken, Duration lifetime) {
    AccessToken token =
        new AccessToken(
            newTokenValue(), userId, scopes, clock.instant().plus(lifetime), refreshToken);
    accessTokens.put(token.value(), token);
    return token;
  }

  private void keepAliveWithinLimit(Usage usage, AccessToken issued, Instant now) {
    usage.aliveTokens.removeIf(token -> !isAlive(token, now));
    usage.aliveTokens.addLast(issued.value());
    while (usage.aliveTokens.size() > MAX_ALIVE_PER_REFRESH_TOKEN) {
      accessTokens.remove(usage.aliveTokens.removeFirst());
    }
  }

  private boolean isAlive(String token, Instant now) {
    AccessToken known = accessTokens.get(token);
    return known != null && known.isValidAt(now);
  }

  private static void forgetIssuesBefore(Usage usage, Instant windowStart) {
    while (!usage.recentIssues.isEmpty() && !usage.recentIssues.peekFirst().isAfter(windowStart)) {
      usage.recentIssues.removeFirst();
    }
  }

  private String newTokenValue() {
    return "1000." + randomHex();
  }

  private String randomHex() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
