package dev.zohoconnect.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened so far, for assertions such as "the meeting was cancelled exactly once" or "the client never had
 * more than ten calls in flight". Recording is the server's business; tests only read and {@link #reset()}.
 */
public final class EmulatorCounters {

    private final CounterMap<Endpoint> requests = new CounterMap<>();
    private final CounterMap<String> cancelCalls = new CounterMap<>();
    private final CounterMap<String> tokenRefreshes = new CounterMap<>();
    private final CounterMap<String> mails = new CounterMap<>();
    private final LongAdder cancellations = new LongAdder();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder unauthorized = new LongAdder();
    private final AtomicInteger maxConcurrentApiRequests = new AtomicInteger();

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

    /** Cancellation mails sent on behalf of this user since the last reset (across days). */
    public long mailsSent(String userId) {
        return mails.get(userId);
    }

    /** The most CRM API requests that were in flight at once (rejected ones never count as in flight). */
    public int maxConcurrentApiRequests() {
        return maxConcurrentApiRequests.get();
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
        cancellations.reset();
        tooManyRequests.reset();
        unauthorized.reset();
        maxConcurrentApiRequests.set(0);
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
