package dev.zohoconnect.cancelmeeting.limits;

import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the calls of every job of this runtime to one Zoho org within what the org allows in flight
 * at once (Free 5, Standard 10, Professional 15, Enterprise 20, Ultimate 25; beyond it Zoho answers
 * {@code 429 TOO_MANY_REQUESTS} and still charges an API credit). A job over the limit waits for a
 * slot, in arrival order, until its execution deadline, instead of calling.
 *
 * <h2>Use</h2>
 *
 * One instance per runtime, created with the connector and shared by all its jobs, like the token
 * cache: {@link #create(RuntimeSettings, Clock)}. Around each Zoho CRM API call (not the token
 * endpoint, which Zoho limits separately):
 *
 * <pre>{@code
 * int maximum = options.effectiveEdition().concurrentCalls();
 * switch (governor.acquire(orgKey, maximum, deadline, timeouts.connect())) {
 *   case Permit permit -> {
 *     try (permit) {
 *       ZohoAnswer answer = crm.cancel(call, token);   // TransportFailure: close() reports NO_ANSWER
 *       permit.release(switch (answer) {
 *         case ZohoAnswer.Refused refused when refused.error().is(ErrorCodes.TOO_MANY_REQUESTS) ->
 *             CallOutcome.TOO_MANY_REQUESTS;
 *         case ZohoAnswer.Unreadable unreadable -> CallOutcome.ofHttpStatus(unreadable.httpStatus());
 *         default -> CallOutcome.ANSWERED;
 *       });
 *       ...   // read the answer after the release: the slot is free as soon as Zoho answered
 *     }
 *   }
 *   case Acquisition.DeadlineReached late ->
 *       throw retryable(ErrorCodes.CONCURRENCY_LIMIT_WAIT, late.describe());
 *   case Acquisition.Interrupted stopping -> ... // interrupt flag still set: hand the job back
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code orgKey} identifies the org and the Zoho client, and must never be a credential in
 *       clear: pass the SHA-256 fingerprint the token cache keys the credentials by, or a SHA-256
 *       digest of a supplied access token. Jobs with the same key share one limit.
 *   <li>{@code maximum} is the edition's limit from the template. The runtime setting {@link
 *       RuntimeSettings#MAX_CONCURRENT_CALLS} lowers it, never raises it; the adaptive limit below
 *       never exceeds the lower of the two.
 *   <li>The wait ends when less than {@code callTime} would be left before the deadline, so a call
 *       never starts without the time it needs (pass at least the connect timeout).
 *   <li>Release each permit exactly once with the call's {@link CallOutcome}: 429 is {@link
 *       CallOutcome#TOO_MANY_REQUESTS}, any other answer {@link CallOutcome#ANSWERED}, no answer
 *       {@link CallOutcome#NO_ANSWER} (what {@code close()} reports if nothing else was).
 *   <li>Retries are separate calls: acquire a new permit for each, and never hold one across a
 *       backoff wait.
 * </ul>
 *
 * <h2>Why an adaptive limit, and why AIMD</h2>
 *
 * Several runtimes (replicas, the connectors bundle, a rolling update) may call one org without
 * knowing of each other, and other integrations may use part of its allowance. Each runtime
 * therefore learns its share from Zoho's answers: the limit shrinks on a 429 and grows back slowly
 * while calls succeed, between 1 and the maximum ({@link AdaptiveLimit} has the rules), and after a
 * 429 no new call to the org starts for a second, doubling while Zoho refuses without answering
 * anything in between ({@link OrgGate}), so the jobs queued behind a refused call do not each
 * collect a 429 in turn.
 *
 * <p>Of the families in Netflix's {@code concurrency-limits}, latency-based limits (Vegas,
 * Gradient) infer a limit from round trips growing as a server queues; Zoho does not queue beyond
 * the limit but refuses at once, and its latency reflects the network and Zoho's own load, not how
 * close the org is to its allowance. The only signal is the 429, a loss, which is what AIMD
 * (additive increase, multiplicative decrease, as in TCP) is built on: independent AIMD senders
 * converge on a shared capacity without talking to each other. Their shares even out only slowly
 * here, because past the level Zoho refused the limit grows by cautious probes, which is what keeps
 * the refusals rare ({@code docs/reliability.md}, "Load and Zoho's limits", has the measurements).
 *
 * <h2>Cost and bounds</h2>
 *
 * <ul>
 *   <li>Each org has its own lock, held for a few field updates, never during a call or a wait;
 *       waiting uses {@link java.util.concurrent.locks.Condition}s, so virtual threads are never
 *       pinned, and nothing assumes a thread per permit. An uncontended acquire is a map lookup,
 *       one uncontended lock and one small object, the {@link Permit}.
 *   <li>Orgs without calls for 15 minutes are forgotten (their limit starts again from the
 *       maximum), and at most 10,000 orgs are kept beyond the ones with calls in flight.
 *   <li>Interrupts are honoured: an interrupted job stops waiting, keeps its interrupt flag and
 *       gets {@link Acquisition.Interrupted}.
 * </ul>
 */
public final class ConcurrencyGovernor {

  /** A snapshot of one org's state in this runtime, for logs, metrics and tests. */
  public record OrgState(int limit, int inFlight, int waiting) {}

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyGovernor.class);

  private static final int MAX_ORGS = 10_000;
  private static final Duration IDLE_AFTER = Duration.ofMinutes(15);

  private final ConcurrentMap<String, OrgGate> gates = new ConcurrentHashMap<>();
  private final int runtimeMaximum;
  private final Clock clock;
  private final AdaptiveLimit.Tuning tuning;
  private final int maxOrgs;
  private final long idleAfterMillis;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile long lastSweepMillis;

  ConcurrencyGovernor(
      OptionalInt runtimeMaximum,
      Clock clock,
      AdaptiveLimit.Tuning tuning,
      int maxOrgs,
      Duration idleAfter) {
    this.runtimeMaximum = runtimeMaximum.orElse(Integer.MAX_VALUE);
    this.clock = clock;
    this.tuning = tuning;
    this.maxOrgs = maxOrgs;
    this.idleAfterMillis = idleAfter.toMillis();
    this.lastSweepMillis = clock.millis();
  }

  /**
   * The runtime's governor. Reads {@link RuntimeSettings#MAX_CONCURRENT_CALLS} once, now.
   *
   * @throws IllegalStateException naming the setting, when it is set to anything but a whole number
   *     from 1 to 25; create the governor when the connector is created so that the mistake shows
   *     before any call is made
   */
  public static ConcurrencyGovernor create(RuntimeSettings settings, Clock clock) {
    OptionalInt runtimeMaximum = RuntimeMaximum.read(settings);
    runtimeMaximum.ifPresent(
        calls ->
            LOG.info(
                "At most {} concurrent call(s) per Zoho org ({}), fewer if the edition allows fewer",
                calls,
                RuntimeSettings.MAX_CONCURRENT_CALLS.environmentVariable()));
    return new ConcurrencyGovernor(
        runtimeMaximum, clock, AdaptiveLimit.Tuning.DEFAULT, MAX_ORGS, IDLE_AFTER);
  }

  /**
   * Waits, if the org's calls are at their limit, for the right to make one call.
   *
   * @param orgKey the org and client, as a digest: never a credential in clear (see above)
   * @param maximum the edition's limit of concurrent calls, at least 1
   * @param deadline when the job's execution must have ended
   * @param callTime the time the call needs once it may start; the wait gives up when less than
   *     this would be left before the deadline
   * @return a {@link Permit} to release after the call, or why there is none; never null
   */
  public Acquisition acquire(String orgKey, int maximum, Deadline deadline, Duration callTime) {
    Objects.requireNonNull(orgKey, "orgKey");
    Objects.requireNonNull(deadline, "deadline");
    if (maximum < 1) {
      throw new IllegalArgumentException("maximum must be at least 1: " + maximum);
    }
    if (callTime.isNegative()) {
      throw new IllegalArgumentException("callTime must not be negative: " + callTime);
    }
    if (Thread.currentThread().isInterrupted()) {
      return new Acquisition.Interrupted();
    }
    int ceiling = Math.min(maximum, runtimeMaximum);
    while (true) {
      OrgGate gate = gates.get(orgKey);
      if (gate == null) {
        gate = newGate(orgKey, ceiling);
      }
      Acquisition acquisition = gate.acquire(ceiling, deadline, callTime);
      if (acquisition != null) {
        return acquisition;
      }
    }
  }

  /** The org's state in this runtime, if the runtime knows the org. */
  public Optional<OrgState> state(String orgKey) {
    return Optional.ofNullable(gates.get(orgKey)).map(OrgGate::state);
  }

  /** How many orgs this runtime keeps state for. */
  int orgsTracked() {
    return gates.size();
  }

  private OrgGate newGate(String orgKey, int ceiling) {
    sweepIfDue();
    return gates.computeIfAbsent(orgKey, key -> new OrgGate(ceiling, tuning, clock));
  }

  /**
   * Forgets idle orgs, at most once per idle period unless the map is full: it runs only when an
   * org is seen for the first time, never on the path of a known org's call.
   */
  private void sweepIfDue() {
    long now = clock.millis();
    boolean full = gates.size() >= maxOrgs;
    if (!full && now - lastSweepMillis < idleAfterMillis) {
      return;
    }
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      lastSweepMillis = now;
      retireIdleSince(now - idleAfterMillis);
      if (gates.size() >= maxOrgs) {
        retireIdleSince(now);
      }
    } finally {
      sweeping.set(false);
    }
  }

  private void retireIdleSince(long cutoffMillis) {
    gates.forEach(
        (key, gate) -> {
          if (gate.retireIfIdleSince(cutoffMillis)) {
            gates.remove(key, gate);
          }
        });
  }
}
