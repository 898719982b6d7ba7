package dev.zohoconnect.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.zohoconnect.emulator.fault.Fault;
import dev.zohoconnect.emulator.fault.FaultInjector;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The single entry point of the HTTP server. Per request: route, count, pass the org's concurrency
 * gate (CRM calls only), wait out latency, apply an injected fault or spend an API credit and run
 * the endpoint, then write the answer or drop the connection.
 *
 * <p>A CRM call holds its concurrency slot until its answer is written, because that is when Zoho
 * stops counting it as in flight.
 */
final class RequestDispatcher implements HttpHandler {

  private final Router router = new Router();
  private final Map<Endpoint, EndpointHandler> handlers;
  private final OrgLimits limits;
  private final FaultInjector faults;
  private final EmulatorSettings settings;
  private final EmulatorCounters counters;

  RequestDispatcher(
      Map<Endpoint, EndpointHandler> handlers,
      OrgLimits limits,
      FaultInjector faults,
      EmulatorSettings settings,
      EmulatorCounters counters) {
    this.handlers = Map.copyOf(handlers);
    this.limits = limits;
    this.faults = faults;
    this.settings = settings;
    this.counters = counters;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      IncomingRequest request = IncomingRequest.read(exchange);
      Route route = router.resolve(request.method(), request.rawPath());
      count(route);
      if (!route.endpoint().isCrmApi()) {
        deliver(exchange, answerAfterLatency(request, route));
        return;
      }
      counters.apiRequestArrived();
      if (limits.tryEnter()) {
        Optional<EmulatorReply> answer;
        try {
          answer = answerAfterLatency(request, route);
        } finally {
          // Released before the answer goes out: a caller cannot send its next call before it has
          // read
          // this answer, so its sequential calls never count as concurrent (no stale slot, no
          // spurious 429).
          limits.leave();
          counters.apiRequestLeft();
        }
        deliver(exchange, answer);
      } else {
        counters.apiRequestLeft();
        send(exchange, ZohoErrors.tooManyRequests().toReply());
      }
    }
  }

  private void count(Route route) {
    counters.recordRequest(route.endpoint());
    if (route instanceof Route.Matched matched && matched.endpoint() == Endpoint.CANCEL_EVENT) {
      counters.recordCancelCall(matched.recordId());
    }
  }

  private Optional<EmulatorReply> answerAfterLatency(IncomingRequest request, Route route)
      throws IOException {
    pause(settings.globalLatency());
    return answer(request, route, faults.next(route.endpoint()).orElse(null));
  }

  private void deliver(HttpExchange exchange, Optional<EmulatorReply> answer) throws IOException {
    if (answer.isPresent()) {
      send(exchange, answer.get());
    } else {
      // Closing an exchange before its headers were sent closes the socket: the client reads
      // end-of-stream.
      exchange.close();
    }
  }

  /** The answer to send, or empty to drop the connection without one. */
  private Optional<EmulatorReply> answer(IncomingRequest request, Route route, Fault fault)
      throws IOException {
    return switch (fault) {
      case null -> Optional.of(process(request, route));
      case Fault.Latency latency -> {
        pause(latency.delay());
        yield Optional.of(process(request, route));
      }
      case Fault.AnswerLost lost -> {
        process(request, route);
        yield Optional.empty();
      }
      case Fault.DropConnection drop -> Optional.empty();
      case Fault.ServerError error -> Optional.of(ZohoErrors.internalError().toReply());
      case Fault.BadGateway gateway -> Optional.of(FaultReplies.badGateway());
      case Fault.TooManyRequests tooMany ->
          Optional.of(FaultReplies.tooManyRequests(tooMany.retryAfter()));
      case Fault.EmptyBody empty -> Optional.of(FaultReplies.emptyBody());
      case Fault.TruncatedJson truncated -> Optional.of(FaultReplies.truncatedJson(route));
      case Fault.Refusal refusal -> Optional.of(ZohoErrors.byCode(refusal.code(), route).toReply());
    };
  }

  private EmulatorReply process(IncomingRequest request, Route route) {
    try {
      if (route.endpoint().isCrmApi() && !limits.tryConsumeCredit()) {
        return ZohoErrors.tooManyRequests().toReply();
      }
      return switch (route) {
        case Route.Rejected rejected -> rejected.error().toReply();
        case Route.Matched matched -> handlers.get(matched.endpoint()).handle(request, matched);
      };
    } catch (ZohoErrorException e) {
      counters.recordErrorAnswer(e.error().code());
      return e.error().toReply();
    } catch (RuntimeException e) {
      // A bug in the emulator still answers like Zoho does when it has one.
      String failedCall = request.method() + " " + request.rawPath();
      System.getLogger(RequestDispatcher.class.getName())
          .log(System.Logger.Level.WARNING, "Emulator failed on " + failedCall, e);
      return ZohoErrors.internalError().toReply();
    }
  }

  private void send(HttpExchange exchange, EmulatorReply reply) throws IOException {
    switch (reply.status()) {
      case 401 -> counters.recordUnauthorized();
      case 429 -> counters.recordTooManyRequests();
      default -> {}
    }
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    // -1 tells the server "no body" (Content-Length: 0); a 204 must not announce one at all.
    long length = reply.body().length == 0 ? -1 : reply.body().length;
    exchange.sendResponseHeaders(reply.status(), length);
    if (length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  private static void pause(Duration delay) throws InterruptedIOException {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      // The emulator is shutting down: give up on the request, the connection goes with it.
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("emulator stopped while delaying an answer");
    }
  }
}
