package dev.zohoconnect.cancelmeeting.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The token cache: keyed by a SHA-256 digest of the credentials, computed per job, and bounded by
 * dropping the least recently used credentials, never those with a refresh in flight.
 */
class AccessTokensTest {

  static OAuthTokenClient.Grant grant(String clientId, String secret, String refreshToken) {
    return new OAuthTokenClient.Grant(
        URI.create("https://accounts.zoho.eu"), clientId, secret, refreshToken);
  }

  @Test
  void fingerprintIsTheSha256OfTheSeparatedCredentials() throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (String part : List.of("https://accounts.zoho.eu", "id", "secret", "refresh")) {
      sha256.update(part.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
    }
    assertThat(AccessTokens.fingerprint(grant("id", "secret", "refresh")))
        .isEqualTo(HexFormat.of().formatHex(sha256.digest()));
  }

  @Test
  void separatorKeepsShiftedCredentialsApart() {
    assertThat(AccessTokens.fingerprint(grant("ab", "c", "r")))
        .isNotEqualTo(AccessTokens.fingerprint(grant("a", "bc", "r")));
  }

  @Test
  void fingerprintsComputedConcurrentlyStayCorrect() throws Exception {
    String expected = AccessTokens.fingerprint(grant("id", "secret", "refresh"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Set<String> seen = ConcurrentHashMap.newKeySet();
      List<Future<?>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int n = 0; n < 2_000; n++) {
                    seen.add(AccessTokens.fingerprint(grant("id", "secret", "refresh")));
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      assertThat(seen).containsExactly(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pastItsCapacityTheLeastRecentlyUsedCredentialsGo() {
    AccessTokens cache = cache(new ScriptedIssuer(Clock.systemUTC()), 3);
    AccessTokenSource first = cache.refreshing(grant("id", "secret", "refresh-1"));
    AccessTokenSource second = cache.refreshing(grant("id", "secret", "refresh-2"));
    cache.refreshing(grant("id", "secret", "refresh-3"));
    cache.refreshing(grant("id", "secret", "refresh-1")); // used again: now the most recent

    cache.refreshing(grant("id", "secret", "refresh-4"));

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.refreshing(grant("id", "secret", "refresh-1"))).isSameAs(first);
    assertThat(cache.refreshing(grant("id", "secret", "refresh-2")))
        .as("the least recently used went")
        .isNotSameAs(second);
  }

  @Test
  void credentialsWithARefreshInFlightAreNeverDropped() throws Exception {
    ScriptedIssuer issuer = new ScriptedIssuer(Clock.systemUTC());
    ScriptedIssuer.Gate gate = new ScriptedIssuer.Gate();
    issuer.thenBlock(gate, timeouts -> issuer.freshToken());
    AccessTokens cache = cache(issuer, 2);
    AccessTokenSource refreshing = cache.refreshing(grant("id", "secret", "refresh-1"));
    CallTimeouts timeouts = new CallTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
    Caller<IssuedToken> job =
        Caller.start(() -> refreshing.current(timeouts, Deadline.none(Clock.systemUTC())));
    gate.awaitEntered();
    try {
      for (int i = 2; i <= 5; i++) {
        cache.refreshing(grant("id", "secret", "refresh-" + i));
      }

      assertThat(cache.size()).isEqualTo(2);
      assertThat(cache.refreshing(grant("id", "secret", "refresh-1"))).isSameAs(refreshing);
    } finally {
      gate.open();
    }
    assertThat(job.result().value()).isEqualTo("1000.token-1");
  }

  @Test
  void holdsTenThousandCredentialSetsBeforeDroppingAny() {
    AccessTokens cache =
        new AccessTokens(
            new OAuthTokenClient(new HttpTransport(), Clock.systemUTC()), Clock.systemUTC());
    AccessTokenSource eldest = cache.refreshing(grant("id", "secret", "refresh-0"));
    AccessTokenSource next = cache.refreshing(grant("id", "secret", "refresh-1"));
    for (int i = 2; i < AccessTokens.DEFAULT_CAPACITY; i++) {
      cache.refreshing(grant("id", "secret", "refresh-" + i));
    }
    assertThat(cache.size()).isEqualTo(AccessTokens.DEFAULT_CAPACITY);

    cache.refreshing(grant("id", "secret", "one-too-many"));

    assertThat(cache.size()).isEqualTo(AccessTokens.DEFAULT_CAPACITY);
    assertThat(cache.refreshing(grant("id", "secret", "refresh-1"))).isSameAs(next);
    assertThat(cache.refreshing(grant("id", "secret", "refresh-0")))
        .as("only the least recently used went")
        .isNotSameAs(eldest);
  }

  private static AccessTokens cache(TokenIssuer issuer, int capacity) {
    return new AccessTokens(issuer, Clock.systemUTC(), new java.util.Random(1), capacity);
  }
}
