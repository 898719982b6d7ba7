package dev.zohoconnect.emulator.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A misbehaviour to inject into one answer. Faults model what sits between a client and Zoho as
 * much as Zoho itself: overloaded servers, proxies answering instead of the CRM, and connections
 * that die mid-answer.
 */
public sealed interface Fault {

  /** Waits, then answers normally: the request really is processed. */
  record Latency(Duration delay) implements Fault {
    public Latency {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /** HTTP 500 with Zoho's {@code INTERNAL_ERROR} body; nothing is processed. */
  record ServerError() implements Fault {}

  /** HTTP 502 with a proxy's HTML page instead of JSON; nothing is processed. */
  record BadGateway() implements Fault {}

  /**
   * HTTP 429 {@code TOO_MANY_REQUESTS}, optionally with a {@code Retry-After} Zoho itself never
   * sends.
   */
  record TooManyRequests(Optional<Duration> retryAfter) implements Fault {}

  /** The connection closes before any answer; nothing is processed. */
  record DropConnection() implements Fault {}

  /** HTTP 200 with an empty body; nothing is processed. */
  record EmptyBody() implements Fault {}

  /** HTTP 200 with the first half of a success-looking JSON body; nothing is processed. */
  record TruncatedJson() implements Fault {}

  /**
   * The request IS processed (a meeting gets cancelled, a mail counted, a token issued), then the
   * connection closes before the answer: the case that makes blind retries of non-idempotent calls
   * dangerous.
   */
  record AnswerLost() implements Fault {}

  /**
   * Zoho's documented error of the given code, in Zoho's shape and status; nothing is processed.
   * For the errors a correct client cannot provoke (it validates first), so processes can still
   * rehearse their handling.
   */
  record Refusal(String code) implements Fault {
    public Refusal {
      Objects.requireNonNull(code, "code");
    }
  }

  static Fault refusal(String zohoCode) {
    return new Refusal(zohoCode);
  }

  static Fault latency(Duration delay) {
    return new Latency(delay);
  }

  static Fault serverError() {
    return new ServerError();
  }

  static Fault badGateway() {
    return new BadGateway();
  }

  static Fault tooManyRequests() {
    return new TooManyRequests(Optional.empty());
  }

  static Fault tooManyRequests(Duration retryAfter) {
    return new TooManyRequests(Optional.of(retryAfter));
  }

  static Fault dropConnection() {
    return new DropConnection();
  }

  static Fault emptyBody() {
    return new EmptyBody();
  }

  static Fault truncatedJson() {
    return new TruncatedJson();
  }

  static Fault answerLost() {
    return new AnswerLost();
  }
}
