package dev.zohoconnect.cancelmeeting.support;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.MeetingCanceller;
import dev.zohoconnect.cancelmeeting.RetryPolicy;
import dev.zohoconnect.cancelmeeting.budget.ExecutionBudget;
import dev.zohoconnect.cancelmeeting.auth.AccessTokens;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.client.ZohoCrmClient;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import java.time.Clock;
import java.util.Random;

/** The connector wired as the runtime creates it, with the clock, waits and randomness a test picks. */
public final class TestConnectors {

  private TestConnectors() {}

  /** A connector with its own, cold token cache. */
  public static CancelMeetingFunction connector(
      HttpTransport transport, Clock clock, MeetingCanceller.Sleeper sleeper, long seed) {
    return connector(transport, clock, sleeper, seed, new ExecutionBudget(ExecutionBudget.DEFAULT));
  }

  /** The same with the execution budget an operator would set. */
  public static CancelMeetingFunction connector(
      HttpTransport transport,
      Clock clock,
      MeetingCanceller.Sleeper sleeper,
      long seed,
      ExecutionBudget budget) {
    return new CancelMeetingFunction(
        new MeetingCanceller(
            new ZohoCrmClient(transport),
            new AccessTokens(new OAuthTokenClient(transport, clock), clock, new Random(seed)),
            RetryPolicy.DEFAULT,
            budget,
            sleeper,
            new Random(seed),
            clock));
  }
}
