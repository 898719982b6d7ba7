package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import java.time.Instant;

/** An access token the process supplied: used as is, and never renewed. */
public record FixedAccessToken(IssuedToken token, String callerKey) implements AccessTokenSource {

  public static FixedAccessToken of(String value) {
    return new FixedAccessToken(new IssuedToken(value, null, Instant.MAX), Fingerprint.of(value));
  }

  @Override
  public String toString() {
    return "FixedAccessToken[token=" + token + "]";
  }

  @Override
  public IssuedToken current(CallTimeouts timeouts, Deadline deadline) {
    return token;
  }
}
