package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.auth.AccessTokenSource;
import dev.zohoconnect.cancelmeeting.auth.AccessTokens;
import dev.zohoconnect.cancelmeeting.auth.FixedAccessToken;
import dev.zohoconnect.cancelmeeting.auth.IssuedToken;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.budget.ExecutionBudget;
import dev.zohoconnect.cancelmeeting.client.EndpointPolicy;
import dev.zohoconnect.cancelmeeting.client.ZohoAnswer;
import dev.zohoconnect.cancelmeeting.client.ZohoCrmClient;
import dev.zohoconnect.cancelmeeting.client.ZohoEndpoints;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import dev.zohoconnect.cancelmeeting.limits.Acquisition;
import dev.zohoconnect.cancelmeeting.limits.CallOutcome;
import dev.zohoconnect.cancelmeeting.limits.ConcurrencyGovernor;
import dev.zohoconnect.cancelmeeting.limits.Permit;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.model.CancellationOptions;
import dev.zohoconnect.cancelmeeting.model.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels one meeting: calls Zoho until {@link CancelDecisions} says the task is done, failed, or
 * to be handed back to Zeebe, all within the execution's time budget. The request is one the
 * runtime bound and validated (the constraints on the records in {@code model}), so bad input never
 * gets here and never costs a Zoho API credit.
 */
public final class MeetingCanceller {

  /** Waits between attempts; tests replace it so they need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(MeetingCanceller.class);

  private final ZohoCrmClient crm;
  private final AccessTokens tokens;
  private final EndpointPolicy endpointPolicy;
  private final ConcurrencyGovernor governor;
  private final RetryPolicy retryPolicy;
  private final ExecutionBudget budget;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Clock clock;
  private final TaskMemory memory;

  public MeetingCanceller(
      ZohoCrmClient crm,
      AccessTokens tokens,
      EndpointPolicy endpointPolicy,
      ConcurrencyGovernor governor,
      RetryPolicy retryPolicy,
      ExecutionBudget budget,
      Sleeper sleeper,
      RandomGenerator random,
      Clock clock) {
    this.crm = crm;
    this.tokens = tokens;
    this.endpointPolicy = endpointPolicy;
    this.governor = governor;
    this.retryPolicy = retryPolicy;
    this.budget = budget;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
    this.memory = new TaskMemory(clock);
  }

  /**
   * @param task identifies the task across Zeebe's retries of its job (the element instance)
   * @param priorOnJob what an earlier execution left on the job, read only when needed
   */
  public CancelMeetingResult cancel(
      CancelMeetingRequest request, String task, Supplier<PriorExecution> priorOnJob) {
    Deadline deadline = budget.startingNow(clock);
    Execution execution = new Execution(request, deadline);
    String key = TaskMemory.key(task, execution.meetingId);
    Optional<CancelMeetingResult> confirmed = memory.confirmed(key);
    if (confirmed.isPresent()) {
      LOG.info(
          "Zoho meeting {} was cancelled by an earlier execution of this task",
          execution.meetingId);
      return confirmed.get().reportedAgain();
    }
    ExecutionState state =
        ExecutionState.first(
            execution.mailRequested, memory.unconfirmed(key).and(priorOnJob.get()));
    CancelDecisions.Rules rules = execution.rules();
    boolean renewToken = false;
    while (true) {
      AttemptOutcome outcome = execution.attempt(state, renewToken);
      switch (CancelDecisions.decide(state, outcome, rules, deadline.remaining(), random)) {
        case Decision.Complete done -> {
          CancelMeetingResult result = execution.result(done);
          memory.confirm(key, result);
          LOG.info(
              "Cancelled Zoho meeting {} after {} call(s)", execution.meetingId, execution.calls);
          return result;
        }
        case Decision.Fail fail -> throw fail.failure();
        case Decision.HandBack back -> throw handedBack(key, back.failure());
        case Decision.TryAgain again -> {
          if (!again.pause().isZero()) {
            LOG.warn(
                "Transient failure {} cancelling Zoho meeting {}; attempt {} in {} ms",
                again.ifStopped().getErrorCode(),
                execution.meetingId,
                again.next().attempt(),
                again.pause().toMillis());
          }
          if (Thread.currentThread().isInterrupted() || !pause(again.pause())) {
            throw handedBack(key, again.ifStopped());
          }
          state = again.next();
          renewToken = again.renewTokenFirst();
        }
      }
    }
  }

  /** One execution's fixed inputs and the token it holds; makes the calls. */
  private final class Execution {
    final String meetingId;
    final boolean mailRequested;
    final CancellationOptions options;
    final ZohoEndpoints endpoints;
    final AccessTokenSource tokenSource;
    final CallTimeouts timeouts;
    final Deadline deadline;
    IssuedToken token;
    int calls;

    Execution(CancelMeetingRequest request, Deadline deadline) {
      this.meetingId = request.meeting().meetingId();
      this.mailRequested = request.meeting().sendCancellingMail();
      this.options = request.optionsOrDefaults();
      this.endpoints = endpointPolicy.resolve(request);
      this.tokenSource = tokenSource(request, endpoints);
      this.timeouts = new CallTimeouts(options.connectTimeout(), options.readTimeout());
      this.deadline = deadline;
    }

    CancelDecisions.Rules rules() {
      return new CancelDecisions.Rules(
          meetingId,
          options.treatAlreadyCancelledAsSuccess(),
          options.fallBackToNoMail(),
          tokenSource.canRenew(),
          retryPolicy);
    }

    AttemptOutcome attempt(ExecutionState state, boolean renewToken) {
      try {
        CallTimeouts now = timeouts.within(deadline);
        token =
            renewToken && token != null
                ? tokenSource.renewAfterRejection(token, now, deadline)
                : tokenSource.current(now, deadline);
        // Zoho accepts "cancelled by" only together with the mail (DEPENDENT_MISMATCH otherwise),
        // so the call without mail after the daily limit leaves it out.
        ZohoCrmClient.CancelCall call =
            new ZohoCrmClient.CancelCall(
                endpoints.apiBaseFor(token.apiDomain()),
                options.effectiveApiVersion(),
                meetingId,
                state.sendMail(),
                state.sendMail() ? options.cancelledByOrNull() : null,
                timeouts.within(deadline));
        return callWithinTheOrgsLimit(call);
      } catch (TransportFailure lost) {
        return new AttemptOutcome.Unanswered(lost);
      } catch (ZohoConnectorException noToken) {
        return new AttemptOutcome.NotAttempted(noToken);
      }
    }

    /**
     * Makes the call once the org has room for it in this runtime, or says why it was not made. The
     * slot is given back as soon as Zoho answered, before the answer is read.
     */
    private AttemptOutcome callWithinTheOrgsLimit(ZohoCrmClient.CancelCall call)
        throws TransportFailure {
      Acquisition turn =
          governor.acquire(
              tokenSource.callerKey(),
              options.effectiveEdition().concurrentCalls(),
              deadline,
              timeouts.connect());
      return switch (turn) {
        case Permit permit -> {
          try (permit) {
            calls++;
            ZohoAnswer answer = crm.cancel(call, token);
            permit.release(outcomeForTheLimit(answer));
            yield new AttemptOutcome.Answered(answer);
          }
        }
        case Acquisition.DeadlineReached late ->
            new AttemptOutcome.NotAttempted(
                ZohoConnectorException.of(
                    ErrorCodes.CONCURRENCY_LIMIT_WAIT,
                    "Zoho CRM was not called for meeting %s: %s."
                        .formatted(meetingId, late.describe()),
                    null,
                    meetingId,
                    null));
        case Acquisition.Interrupted stopping ->
            new AttemptOutcome.NotAttempted(
                ZohoConnectorException.of(
                    ErrorCodes.EXECUTION_STOPPED,
                    "Zoho CRM was not called for meeting %s: the runtime is stopping."
                        .formatted(meetingId),
                    null,
                    meetingId,
                    null));
      };
    }

    CancelMeetingResult result(Decision.Complete done) {
      return new CancelMeetingResult(
          meetingId,
          true,
          done.alreadyCancelled(),
          mailRequested,
          done.mail(),
          options.effectiveApiVersion().pathSegment(),
          done.zohoCode(),
          done.zohoMessage(),
          calls);
    }
  }

  private static CallOutcome outcomeForTheLimit(ZohoAnswer answer) {
    return switch (answer) {
      case ZohoAnswer.Refused refused -> CallOutcome.ofHttpStatus(refused.error().httpStatus());
      case ZohoAnswer.Unreadable unreadable -> CallOutcome.ofHttpStatus(unreadable.httpStatus());
      case ZohoAnswer.Cancelled done -> CallOutcome.ANSWERED;
    };
  }

  private AccessTokenSource tokenSource(CancelMeetingRequest request, ZohoEndpoints endpoints) {
    return switch (request.authentication()) {
      case AccessTokenAuthentication access -> FixedAccessToken.of(access.accessToken());
      case RefreshTokenAuthentication oauth ->
          tokens.refreshing(
              new OAuthTokenClient.Grant(
                  endpoints.accountsUrl(),
                  oauth.clientId(),
                  oauth.clientSecret(),
                  oauth.refreshToken()));
    };
  }

  /** Waits; false when interrupted (the runtime is stopping), with the interrupt kept set. */
  private boolean pause(Duration wait) {
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Gives the job back to Zeebe for a later retry, remembering a cancellation that may have
   * happened. An interrupt means the runtime is stopping: the interrupt is consumed here rather
   * than passed on, because the runtime evaluates the error expression on this same thread and FEEL
   * fails on an interrupted thread, which would turn a job worth retrying into an incident.
   */
  private ZohoConnectorException handedBack(String key, ZohoConnectorException failure) {
    if (failure.mayHaveCancelled()) {
      memory.rememberUnconfirmed(key, new PriorExecution(true, failure.mayHaveMailed()));
    }
    if (Thread.interrupted()) {
      LOG.info(
          "Interrupted while cancelling Zoho meeting {}; handing the job back to Zeebe",
          failure.getErrorVariables().get("meetingId"));
    }
    return failure;
  }
}
