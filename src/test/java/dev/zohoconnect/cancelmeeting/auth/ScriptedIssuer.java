package dev.zohoconnect.cancelmeeting.auth;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A token endpoint stand-in: answers each refresh as the test scripted it, then with fresh one-hour
 * tokens, and counts the calls.
 */
final class ScriptedIssuer implements TokenIssuer {

  private final Clock clock;
  private final Queue<Function<CallTimeouts, IssuedToken>> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<CallTimeouts> timeouts = new CopyOnWriteArrayList<>();
  private volatile Duration lifetime = Duration.ofHours(1);

  ScriptedIssuer(Clock clock) {
    this.clock = clock;
  }

  /** The next unscripted call's answer: a fresh token. */
  IssuedToken freshToken() {
    return new IssuedToken("1000.token-" + calls.get(), null, clock.instant().plus(lifetime));
  }

  ScriptedIssuer then(Function<CallTimeouts, IssuedToken> answer) {
    script.add(answer);
    return this;
  }

  /** The next call blocks inside the "accounts server" until {@code gate} opens, then answers. */
  ScriptedIssuer thenBlock(Gate gate, Function<CallTimeouts, IssuedToken> answer) {
    return then(
        timeouts -> {
          gate.enterAndWait();
          return answer.apply(timeouts);
        });
  }

  ScriptedIssuer withLifetime(Duration tokenLifetime) {
    this.lifetime = tokenLifetime;
    return this;
  }

  int calls() {
    return calls.get();
  }

  List<CallTimeouts> timeouts() {
    return timeouts;
  }

  @Override
  public IssuedToken refresh(OAuthTokenClient.Grant grant, CallTimeouts callTimeouts) {
    calls.incrementAndGet();
    timeouts.add(callTimeouts);
    Function<CallTimeouts, IssuedToken> answer = script.poll();
    return answer == null ? freshToken() : answer.apply(callTimeouts);
  }

  /** What OAuthTokenClient raises when the call got no answer (here: a read timeout). */
  static ZohoConnectorException noAnswer() {
    return ZohoConnectorException.of(
        ErrorCodes.OAUTH_UNAVAILABLE,
        "Zoho's accounts server at accounts.zoho.eu failed: no answer within 1 s.",
        null,
        null,
        new TransportFailure(
            TransportFailure.Kind.READ_TIMEOUT, "no answer within 1 s", true, null));
  }

  /** What OAuthTokenClient raises for Zoho's HTTP 200 {@code {"error":"invalid_code"}}. */
  static ZohoConnectorException refused() {
    return ZohoConnectorException.of(
        ErrorCodes.OAUTH_INVALID_REFRESH_TOKEN,
        "Zoho's accounts server refused to issue an access token: invalid_code (HTTP 200).",
        200,
        null,
        null);
  }

  /** Holds a call inside the stand-in until the test opens it. */
  static final class Gate {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    void enterAndWait() {
      entered.countDown();
      try {
        if (!open.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted at the gate", e);
      }
    }

    void awaitEntered() throws InterruptedException {
      if (!entered.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("no call reached the accounts server");
      }
    }

    void open() {
      open.countDown();
    }
  }
}
