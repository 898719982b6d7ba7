package dev.zohoconnect.cancelmeeting.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests with the JDK's HTTP client and turns every way a call can fail without an answer
 * into a {@link TransportFailure}.
 *
 * <p>Clients are shared per connect timeout: a client owns a connection pool, and opening a TLS
 * connection to Zoho per cancellation would cost more than the cancellation itself. They never
 * follow redirects (a token must not travel to wherever a {@code Location} points) and go through
 * the proxies the JVM is configured with ({@code -Dhttps.proxyHost}, {@code http.nonProxyHosts},
 * ...), which many installations need to reach Zoho at all.
 */
public final class HttpTransport {

  /**
   * The most of an answer that is read. Zoho's answers to this API are well under a kilobyte; a
   * larger body is a proxy's page or a fault, and reading it whole could exhaust the runtime's
   * memory, or carry megabytes into error variables that Zeebe then refuses.
   */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();
  private final Clock clock;
  private final ProxySelector proxies;

  public HttpTransport() {
    this(Clock.systemUTC());
  }

  /** A transport through the JVM's proxies: {@link ProxySelector#getDefault()}. */
  public HttpTransport(Clock clock) {
    this(clock, ProxySelector.getDefault());
  }

  /** A transport through {@code proxies}; null (no default selector installed) means none. */
  public HttpTransport(Clock clock, ProxySelector proxies) {
    this.clock = clock;
    this.proxies = proxies == null ? HttpClient.Builder.NO_PROXY : proxies;
  }

  /**
   * Sends {@code request}. The answer must start within {@code readTimeout} (the client counts
   * from sending, a pooled connection needs no connecting), and the whole exchange, body
   * included, must end within both timeouts together, so a server that stalls mid-body cannot
   * hold a job forever.
   */
  public HttpReply send(HttpRequest request, CallTimeouts timeouts) throws TransportFailure {
    return send(request, timeouts.connect(), timeouts.read());
  }

  public HttpReply send(HttpRequest request, Duration connectTimeout, Duration readTimeout)
      throws TransportFailure {
    HttpClient client = clients.computeIfAbsent(connectTimeout, this::newClient);
    SentBody body = request.bodyPublisher().map(SentBody::new).orElse(null);
    HttpRequest.Builder timed =
        HttpRequest.newBuilder(request, (name, value) -> true).timeout(readTimeout);
    if (body != null) {
      timed.method(request.method(), body);
    }
    CompletableFuture<HttpResponse<LimitedBody>> call =
        client.sendAsync(timed.build(), HttpTransport::limitedBody);
    try {
      HttpResponse<LimitedBody> response =
          call.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
      return reply(response);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new TransportFailure(
          TransportFailure.Kind.READ_TIMEOUT,
          "no answer within " + readTimeout.toSeconds() + " s",
          sent(body, e),
          e);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportFailure(
          TransportFailure.Kind.CONNECTION_LOST, "interrupted", sent(body, e), e);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw classify(cause, connectTimeout, sent(body, cause));
    }
  }

  private HttpReply reply(HttpResponse<LimitedBody> response) {
    LimitedBody body = response.body();
    int status = response.statusCode();
    return new HttpReply(
        status,
        body == null || body.oversized() ? "" : body.text(),
        RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock),
        body != null && body.oversized(),
        status >= 300 && status < 400 ? locationHost(response) : Optional.empty());
  }

  /** The host a redirect points to: a relative {@code Location} stays on the request's host. */
  private static Optional<String> locationHost(HttpResponse<?> response) {
    Optional<String> location = response.headers().firstValue("Location");
    if (location.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI target = response.request().uri().resolve(location.get().trim());
      return Optional.ofNullable(target.getHost());
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Whether the request was handed over before {@code failure}: known from its body when it has
   * one, otherwise assumed unless the failure happened while connecting.
   */
  private static boolean sent(SentBody body, Throwable failure) {
    return body != null ? body.pulled() : !whileConnecting(failure);
  }

  private static boolean whileConnecting(Throwable failure) {
    return failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException;
  }

  private static TransportFailure classify(
      Throwable cause, Duration connectTimeout, boolean requestSent) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new TransportFailure(
          TransportFailure.Kind.CONNECT_TIMEOUT,
          "could not connect within " + connectTimeout.toSeconds() + " s",
          requestSent,
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new TransportFailure(
          TransportFailure.Kind.READ_TIMEOUT, "no answer in time", requestSent, cause);
    }
    if (cause instanceof ConnectException) {
      return new TransportFailure(
          TransportFailure.Kind.CONNECT_FAILED,
          "connection refused or unreachable",
          requestSent,
          cause);
    }
    if (cause instanceof IOException) {
      return new TransportFailure(
          TransportFailure.Kind.CONNECTION_LOST,
          "connection closed before a complete answer (" + cause.getClass().getSimpleName() + ")",
          requestSent,
          cause);
    }
    return new TransportFailure(
        TransportFailure.Kind.CONNECTION_LOST,
        "call failed (" + cause.getClass().getSimpleName() + ")",
        requestSent,
        cause);
  }

  private HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(proxies)
        .build();
  }

  /** A body as read: its text, or nothing when it was longer than {@link #MAX_ANSWER_BYTES}. */
  private record LimitedBody(String text, boolean oversized) {}

  /**
   * Reads a body up to {@link #MAX_ANSWER_BYTES}, then cancels the rest of it (which closes the
   * connection) instead of buffering it.
   */
  private static HttpResponse.BodySubscriber<LimitedBody> limitedBody(HttpResponse.ResponseInfo info) {
    Charset charset = charsetOf(info.headers().firstValue("Content-Type").orElse(""));
    return new HttpResponse.BodySubscriber<>() {
      private final CompletableFuture<LimitedBody> result = new CompletableFuture<>();
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      private Flow.Subscription subscription;

      @Override
      public CompletionStage<LimitedBody> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
          return;
        }
        for (ByteBuffer buffer : buffers) {
          if (bytes.size() + buffer.remaining() > MAX_ANSWER_BYTES) {
            subscription.cancel();
            result.complete(new LimitedBody("", true));
            return;
          }
          byte[] chunk = new byte[buffer.remaining()];
          buffer.get(chunk);
          bytes.writeBytes(chunk);
        }
      }

      @Override
      public void onError(Throwable failure) {
        result.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        result.complete(new LimitedBody(bytes.toString(charset), false));
      }
    };
  }

  private static Charset charsetOf(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        try {
          return Charset.forName(pair[1].trim().replace("\"", ""));
        } catch (IllegalArgumentException unknown) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
