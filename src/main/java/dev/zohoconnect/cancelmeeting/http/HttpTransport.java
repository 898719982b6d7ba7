package dev.zohoconnect.cancelmeeting.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests with the JDK's HTTP client and turns every way a call can fail without an answer
 * into a {@link TransportFailure}.
 *
 * <p>Clients are shared per connect timeout: a client owns a connection pool, and opening a TLS
 * connection to Zoho per cancellation would cost more than the cancellation itself.
 */
public final class HttpTransport {

  private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();
  private final Clock clock;

  public HttpTransport() {
    this(Clock.systemUTC());
  }

  public HttpTransport(Clock clock) {
    this.clock = clock;
  }

  /**
   * Sends {@code request}. The answer must start within {@code readTimeout} (the client counts
   * from sending, a pooled connection needs no connecting), and the whole exchange, body
   * included, must end within both timeouts together, so a server that stalls mid-body cannot
   * hold a job forever.
   */
  public HttpReply send(HttpRequest request, Duration connectTimeout, Duration readTimeout)
      throws TransportFailure {
    HttpClient client = clients.computeIfAbsent(connectTimeout, HttpTransport::newClient);
    HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(readTimeout).build();
    CompletableFuture<HttpResponse<String>> call =
        client.sendAsync(timed, HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> response =
          call.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
      return new HttpReply(
          response.statusCode(),
          response.body() == null ? "" : response.body(),
          RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new TransportFailure(
          TransportFailure.Kind.READ_TIMEOUT,
          "no answer within " + readTimeout.toSeconds() + " s",
          e);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportFailure(TransportFailure.Kind.CONNECTION_LOST, "interrupted", e);
    } catch (ExecutionException | CancellationException e) {
      throw classify(e.getCause() == null ? e : e.getCause(), connectTimeout);
    }
  }

  private static TransportFailure classify(Throwable cause, Duration connectTimeout) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new TransportFailure(
          TransportFailure.Kind.CONNECT_TIMEOUT,
          "could not connect within " + connectTimeout.toSeconds() + " s",
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new TransportFailure(TransportFailure.Kind.READ_TIMEOUT, "no answer in time", cause);
    }
    if (cause instanceof ConnectException) {
      return new TransportFailure(
          TransportFailure.Kind.CONNECT_FAILED, "connection refused or unreachable", cause);
    }
    if (cause instanceof IOException) {
      return new TransportFailure(
          TransportFailure.Kind.CONNECTION_LOST,
          "connection closed before a complete answer (" + cause.getClass().getSimpleName() + ")",
          cause);
    }
    return new TransportFailure(
        TransportFailure.Kind.CONNECTION_LOST,
        "call failed (" + cause.getClass().getSimpleName() + ")",
        cause);
  }

  private static HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
