package dev.zohoconnect.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened so far, for assertions such as "the meeting was cancelled exactly once" or "the
 * client never had more than ten calls in flight". Recording is the server's business; tests only
 * read and {@link #reset()}.
 */
public final class EmulatorCounters {

  private final CounterMap<Endpoint> requests = new CounterMap<>();
  private final CounterMap<String> cancelCalls = new CounterMap<>();
  private final CounterMap<String> tokenRefreshes = new CounterMap<>();
  private final CounterMap<String> mails = new CounterMap<>();
  private final CounterMap<String> tokenRefusals = new CounterMap<>();
  private final CounterMap<String> errorAnswers = new CounterMap<>();
  private final LongAdder cancellations = new LongAdder();
  private final LongAdder tooManyRequests = new LongAdder();
  private final LongAdder unauthorized = new LongAdder();
  private final AtomicInteger maxConcurrentApiRequests = new AtomicInteger();
  private final AtomicInteger apiRequestsArrived = new AtomicInteger();
  private final AtomicInteger maxApiRequestsArrived = new AtomicInteger();

  /** CRM API requests of any kind, including rejected ones; token requests are not API calls. */
  public long apiCalls() {
    return requests.total() - requests.get(Endpoint.TOKEN);
  }

  public long requests(Endpoint endpoint) {
    return requests.get(endpoint);
  }

  /** Meetings actually cancelled (state changed), whether or not the client got the answer. */
  public long cancellations() {
    return cancellations.sum();
  }

  /** Cancel requests naming this meeting id, whatever their outcome. */
  public long cancelCalls(String meetingId) {
    return cancelCalls.get(meetingId);
  }

  public Map<String, Long> cancelCallsByMeeting() {
    return cancelCalls.snapshot();
  }

  /** Refresh-token grants requested from the token endpoint, whatever their outcome. */
  public long tokenRefreshes() {
    return tokenRefreshes.total();
  }

  public long tokenRefreshes(String refreshToken) {
    return tokenRefreshes.get(refreshToken);
  }

  /**
   * Refresh-token grants refused with this error, e.g. {@code "Access Denied"} for Zoho's limit of
   * ten refreshes per ten minutes ({@link dev.zohoconnect.emulator.oauth.TokenGrant.Refused} names
   * them).
   */
  public long tokenRefusals(String error) {
    return tokenRefusals.get(error);
  }

  /**
   * Zoho errors the CRM endpoints answered with this code, e.g. {@code INVALID_TOKEN} for an
   * expired, revoked or displaced access token. The org limit's 429 is counted by {@link
   * #tooManyRequestsSent()} instead, and injected faults are not counted here.
   */
  public long errorAnswers(String code) {
    return errorAnswers.get(code);
  }

  /** Cancellation mails sent on behalf of this user since the last reset (across days). */
  public long mailsSent(String userId) {
    return mails.get(userId);
  }

  /**
   * The most CRM API requests that were in flight at once (rejected ones never count as in flight).
   */
  public int maxConcurrentApiRequests() {
    return maxConcurrentApiRequests.get();
  }

  /**
   * The most CRM API requests the server was handling at once, those being refused with 429 for the
   * org's limit included. It exceeds the limit exactly when a call arrived while the limit was
   * reached; a refused call is answered at once, so it shows that clients went over the limit
   * rather than by how much.
   */
  public int maxConcurrentApiRequestsArrived() {
    return maxApiRequestsArrived.get();
  }

  /** Every 429 answer, whether from a limit or an injected fault. */
  public long tooManyRequestsSent() {
    return tooManyRequests.sum();
  }

  /** Every 401 answer: a missing, unknown, expired or revoked token, or the wrong scheme. */
  public long unauthorizedSent() {
    return unauthorized.sum();
  }

  public void reset() {
    requests.clear();
    cancelCalls.clear();
    tokenRefreshes.clear();
    mails.clear();
    tokenRefusals.clear();
    errorAnswers.clear();
    cancellations.reset();
    tooManyRequests.reset();
    unauthorized.reset();
    maxConcurrentApiRequests.set(0);
    maxApiRequestsArrived.set(0);
  }

  void recordRequest(Endpoint endpoint) {
    requests.increment(endpoint);
  }

  void recordCancelCall(String meetingId) {
    cancelCalls.increment(meetingId);
  }

  void recordCancellation() {
    cancellations.increment();
  }

  void recordTokenRefresh(String refreshToken) {
    tokenRefreshes.increment(refreshToken == null ? "" : refreshToken);
  }

  void recordTokenRefusal(String error) {
    tokenRefusals.increment(error == null ? "" : error);
  }

  void recordErrorAnswer(String code) {
    errorAnswers.increment(code);
  }

  /** A CRM API request reached the dispatcher; must be paired with {@link #apiRequestLeft()}. */
  void apiRequestArrived() {
    maxApiRequestsArrived.accumulateAndGet(apiRequestsArrived.incrementAndGet(), Math::max);
  }

  void apiRequestLeft() {
    apiRequestsArrived.decrementAndGet();
  }

  void recordMail(String userId) {
    mails.increment(userId);
  }

  void recordTooManyRequests() {
    tooManyRequests.increment();
  }

  void recordUnauthorized() {
    unauthorized.increment();
  }

  void observeInFlight(int inFlight) {
    maxConcurrentApiRequests.accumulateAndGet(inFlight, Math::max);
  }
}
