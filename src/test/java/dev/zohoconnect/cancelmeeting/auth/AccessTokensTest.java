package dev.zohoconnect.cancelmeeting.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The token cache's key: a SHA-256 digest of the credentials, computed per job. */
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
}
