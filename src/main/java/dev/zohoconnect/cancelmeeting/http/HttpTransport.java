package dev.zohoconnect.cancelmeeting.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sends requests with the JDK's HTTP client and turns every way a call can fail without an answer
 * into a {@link TransportFailure}.
 *
 * <p>Clients are shared per connect timeout: a client owns a connection pool, and opening a TLS
 * connection to Zoho per cancellation would cost more than the cancellation itself. They never
 * follow redirects (a token must not travel to wherever a {@code Location} points) and go through
 * the proxies the JVM is configured with ({@code -Dhttps.proxyHost}, {@code http.nonProxyHosts},
 * ...), which many installations need to reach Zoho at all.
 *
 * <p>A call runs on the calling thread ({@code HttpClient.send}): the client's asynchronous API
 * would hand every exchange to its executor and its completion to the common pool, two thread
 * hand-offs per call. What bounds the call: the client's connect timeout, its request timeout (the
 * read timeout, counted from sending until the headers are in), and a deadline of the transport's
 * own for the body ({@link BodyDeadlines}), so the whole exchange ends within both timeouts
 * together. One wait lies outside them: resolving the host name, which the client does on the
 * calling thread and which only the operating system's resolver timeout bounds.
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
  private final BodyDeadlines deadlines = BodyDeadlines.SHARED;

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
   * Sends {@code request}. The answer must start within {@code readTimeout} (the client counts from
   * sending, a pooled connection needs no connecting), and the whole exchange, body included, must
   * end within both timeouts together, so a server that stalls mid-body cannot hold a job forever.
   */
  public HttpReply send(HttpRequest request, CallTimeouts timeouts) throws TransportFailure {
    return send(request, timeouts.connect(), timeouts.read());
  }

  public HttpReply send(HttpRequest request, Duration connectTimeout, Duration readTimeout)
      throws TransportFailure {
    SentBody body = request.bodyPublisher().map(SentBody::new).orElse(null);
    HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
    if (body != null) {
      copy.method(request.method(), body);
    }
    return exchange(copy, body, connectTimeout, readTimeout);
  }

  /**
   * POSTs {@code body} as {@code request} describes it (URI and headers; this sets the method, body
   * and timeout on it), as {@link #send(HttpRequest, CallTimeouts)} would send the built request,
   * without copying one.
   */
  public HttpReply post(HttpRequest.Builder request, String body, CallTimeouts timeouts)
      throws TransportFailure {
    SentBody sent = new SentBody(HttpRequest.BodyPublishers.ofString(body));
    return exchange(request.POST(sent), sent, timeouts.connect(), timeouts.read());
  }

  private HttpReply exchange(
      HttpRequest.Builder request, SentBody body, Duration connectTimeout, Duration readTimeout)
      throws TransportFailure {
    HttpClient client = clients.computeIfAbsent(connectTimeout, this::newClient);
    Answer answer =
        new Answer(System.nanoTime() + connectTimeout.plus(readTimeout).toNanos(), deadlines);
    try {
      return reply(client.send(request.timeout(readTimeout).build(), answer));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportFailure(
          TransportFailure.Kind.CONNECTION_LOST, "interrupted", sent(body, e), e);
    } catch (IOException e) {
      if (answer.expired()) {
        throw new TransportFailure(
            TransportFailure.Kind.READ_TIMEOUT,
            "no complete answer within " + connectTimeout.plus(readTimeout).toSeconds() + " s",
            sent(body, e),
            e);
      }
      throw classify(e, connectTimeout, sent(body, e));
    }
  }

  /** Reads the answer to one exchange, within its deadline; see {@link BoundedBody}. */
  private static final class Answer implements HttpResponse.BodyHandler<BoundedBody.Text> {
    private final long deadlineNanos;
    private final BodyDeadlines deadlines;
    private volatile BoundedBody body;

    Answer(long deadlineNanos, BodyDeadlines deadlines) {
      this.deadlineNanos = deadlineNanos;
      this.deadlines = deadlines;
    }

    @Override
    public HttpResponse.BodySubscriber<BoundedBody.Text> apply(HttpResponse.ResponseInfo info) {
      body =
          new BoundedBody(
              deadlineNanos,
              BoundedBody.charsetOf(info.headers().firstValue("Content-Type").orElse("")),
              deadlines);
      return body;
    }

    boolean expired() {
      BoundedBody current = body;
      return current != null && current.expired();
    }
  }

  private HttpReply reply(HttpResponse<BoundedBody.Text> response) {
    BoundedBody.Text body = response.body();
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
      IOException cause, Duration connectTimeout, boolean requestSent) {
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
    // The synchronous API rethrows the client's failure wrapped; name the one that happened.
    Throwable what =
        cause.getClass() == IOException.class && cause.getCause() != null
            ? cause.getCause()
            : cause;
    return new TransportFailure(
        TransportFailure.Kind.CONNECTION_LOST,
        "connection closed before a complete answer (" + what.getClass().getSimpleName() + ")",
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
}
