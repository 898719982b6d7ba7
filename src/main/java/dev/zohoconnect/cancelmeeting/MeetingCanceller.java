package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.auth.AccessTokenSource;
import dev.zohoconnect.cancelmeeting.auth.AccessTokens;
import dev.zohoconnect.cancelmeeting.auth.FixedAccessToken;
import dev.zohoconnect.cancelmeeting.auth.IssuedToken;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.client.EndpointPolicy;
import dev.zohoconnect.cancelmeeting.client.ZohoAnswer;
import dev.zohoconnect.cancelmeeting.client.ZohoCrmClient;
import dev.zohoconnect.cancelmeeting.client.ZohoEndpoints;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.NotAllowedReason;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.budget.Deadline;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import dev.zohoconnect.cancelmeeting.model.CancellationOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels one meeting: obtains a token, calls Zoho, and decides what each answer means, retrying
 * what is transient and nothing else.
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
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final UnconfirmedCancellations unconfirmed;
  private final Clock clock;

  public MeetingCanceller(
      ZohoCrmClient crm,
      AccessTokens tokens,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      RandomGenerator random,
      Clock clock) {
    this.crm = crm;
    this.tokens = tokens;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.random = random;
    this.unconfirmed = new UnconfirmedCancellations(clock);
    this.clock = clock;
  }

  /**
   * @param task identifies the task across Zeebe's retries of its job (the element instance), so a
   *     retry in this runtime can recognise a cancellation an earlier execution made but never
   *     confirmed
   * @param resumedAfterTransientFailure tells, when asked, whether the job carries the failure an
   *     earlier transient execution left on it, which any runtime can see
   */
  public CancelMeetingResult cancel(
      CancelMeetingRequest request, String task, BooleanSupplier resumedAfterTransientFailure) {
    RequestValidator.validate(request);
    CancellationOptions options = request.optionsOrDefaults();
    ZohoEndpoints endpoints =
        EndpointPolicy.resolve(
            request.dataCenter(), request.authentication(), request.endpointsOrNone());
    AccessTokenSource tokenSource = tokenSource(request, endpoints, options);
    String meetingId = request.meeting().meetingId();
    boolean mailRequested = request.meeting().sendCancellingMail();

    Progress progress = new Progress(mailRequested);
    Deadline deadline = Deadline.none(clock);
    CallTimeouts timeouts = new CallTimeouts(options.connectTimeout(), options.readTimeout());
    String unconfirmedKey = task + "/" + meetingId;
    while (true) {
      ZohoConnectorException failure;
      try {
        IssuedToken token = tokenSource.current(timeouts, deadline);
        ZohoCrmClient.CancelCall call =
            new ZohoCrmClient.CancelCall(
                endpoints.apiBaseFor(token.apiDomain()),
                options.effectiveApiVersion(),
                meetingId,
                progress.sendMail,
                options.cancelledByOrNull(),
                options.connectTimeout(),
                options.readTimeout());
        progress.calls++;
        ZohoAnswer answer = crm.cancel(call, token);
        switch (answer) {
          case ZohoAnswer.Cancelled done -> {
            LOG.info("Cancelled Zoho meeting {} after {} call(s)", meetingId, progress.calls);
            unconfirmed.forget(unconfirmedKey);
            return new CancelMeetingResult(
                meetingId, true, false, mailRequested, progress.sendMail, progress.mailSkippedReason,
                call.version().pathSegment(), done.code(), done.message(), progress.calls);
          }
          case ZohoAnswer.Refused refused
              when refused.error().is(ErrorCodes.INVALID_TOKEN)
                  && tokenSource.canRenew()
                  && !progress.renewedToken -> {
            LOG.info("Zoho rejected the access token for meeting {}; renewing it once", meetingId);
            progress.renewedToken = true;
            tokenSource.renewAfterRejection(token, timeouts, deadline);
            continue;
          }
          case ZohoAnswer.Refused refused
              when refused.error().is(ErrorCodes.DAILY_LIMIT_EXCEEDED)
                  && progress.sendMail
                  && options.fallBackToNoMail() -> {
            LOG.info("Daily mail limit reached; cancelling meeting {} without mail", meetingId);
            progress.sendMail = false;
            progress.mailSkippedReason = ErrorCodes.DAILY_LIMIT_EXCEEDED;
            continue;
          }
          case ZohoAnswer.Refused refused
              when refused.error().notAllowedReason() == NotAllowedReason.ALREADY_CANCELLED
                  && (options.treatAlreadyCancelledAsSuccess()
                      || progress.failedTransientlyBefore
                      || unconfirmed.contains(unconfirmedKey)
                      || resumedAfterTransientFailure.getAsBoolean()) -> {
            LOG.info("Zoho meeting {} is already cancelled; completing", meetingId);
            unconfirmed.forget(unconfirmedKey);
            return new CancelMeetingResult(
                meetingId, true, true, mailRequested, false, progress.mailSkippedReason,
                call.version().pathSegment(), refused.error().code(), refused.error().message(),
                progress.calls);
          }
          case ZohoAnswer.Refused refused ->
              failure = ZohoConnectorException.fromZoho(refused.error(), meetingId, refused.retryAfter());
          case ZohoAnswer.Unreadable unreadable -> failure = unreadable(unreadable, meetingId);
        }
        progress.failedTransientlyBefore |= failure.isRetryable();
      } catch (TransportFailure lost) {
        failure = transportFailure(lost, meetingId);
        progress.failedTransientlyBefore = true;
      } catch (ZohoConnectorException tokenFailure) {
        failure = tokenFailure.forMeeting(meetingId);
      }
      if (!failure.isRetryable()) {
        throw failure;
      }
      progress.attempt++;
      boolean spent =
          !retryPolicy.retryInJob(progress.attempt, failure) || Thread.currentThread().isInterrupted();
      if (!spent) {
        Duration wait = retryPolicy.delayBefore(progress.attempt, failure, random);
        LOG.warn(
            "Transient failure {} cancelling Zoho meeting {}; attempt {} in {} ms",
            failure.getErrorCode(), meetingId, progress.attempt, wait.toMillis());
        spent = !pause(wait);
      }
      if (spent) {
        if (progress.failedTransientlyBefore) {
          unconfirmed.remember(unconfirmedKey);
        }
        throw handedBackToZeebe(failure);
      }
    }
  }

  /** What one execution has tried so far; decides how the next answer is read. */
  private static final class Progress {
    boolean sendMail;
    String mailSkippedReason;
    boolean renewedToken;
    boolean failedTransientlyBefore;
    int calls;
    int attempt = 1;

    Progress(boolean sendMail) {
      this.sendMail = sendMail;
    }
  }

  private AccessTokenSource tokenSource(
      CancelMeetingRequest request, ZohoEndpoints endpoints, CancellationOptions options) {
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
   * Gives the job back to Zeebe for a later retry. An interrupt means the runtime is stopping: no
   * further attempt is made, and the interrupt is consumed here rather than passed on, because the
   * runtime evaluates the error expression on this same thread and FEEL fails on an interrupted
   * thread, which would turn a job worth retrying into an incident with no retries left.
   */
  private ZohoConnectorException handedBackToZeebe(ZohoConnectorException failure) {
    if (Thread.interrupted()) {
      LOG.info("Interrupted while cancelling Zoho meeting {}; handing the job back to Zeebe",
          failure.getErrorVariables().get("meetingId"));
    }
    return failure.withRetryBackoff(retryPolicy.jobBackoff(failure));
  }

  private static ZohoConnectorException unreadable(ZohoAnswer.Unreadable answer, String meetingId) {
    int status = answer.httpStatus();
    if (answer.isRedirect()) {
      return ZohoConnectorException.of(
          ErrorCodes.HTTP_ERROR,
          ("Zoho CRM answered the cancellation of meeting %s with HTTP %d redirect to host %s;"
                  + " the connector never follows redirects: check the API base URL / data center.")
              .formatted(
                  meetingId,
                  status,
                  answer.redirectHost() == null ? "(none named)" : answer.redirectHost()),
          status,
          meetingId,
          null);
    }
    String code =
        status >= 500 ? ErrorCodes.SERVER_ERROR
            : status >= 400 ? ErrorCodes.HTTP_ERROR
            : ErrorCodes.INVALID_RESPONSE;
    return ZohoConnectorException.of(
        code,
        "Zoho CRM answered the cancellation of meeting %s with HTTP %d and %s."
            .formatted(meetingId, status, answer.problem()),
        status,
        meetingId,
        null);
  }

  private static ZohoConnectorException transportFailure(TransportFailure lost, String meetingId) {
    return ZohoConnectorException.of(
        lost.isTimeout() ? ErrorCodes.TIMEOUT : ErrorCodes.CONNECTION_FAILED,
        "Calling Zoho CRM to cancel meeting %s failed: %s.".formatted(meetingId, lost.getMessage()),
        null,
        meetingId,
        lost);
  }
}
