package dev.zohoconnect.cancelmeeting.support;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.MeetingCanceller;
import dev.zohoconnect.cancelmeeting.RetryPolicy;
import dev.zohoconnect.cancelmeeting.auth.AccessTokens;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.budget.ExecutionBudget;
import dev.zohoconnect.cancelmeeting.client.EndpointPolicy;
import dev.zohoconnect.cancelmeeting.client.ZohoCrmClient;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.limits.ConcurrencyGovernor;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

/**
 * The connector wired as the runtime creates it, with the clock, waits and randomness a test picks.
 */
public final class TestConnectors {

  private TestConnectors() {}

  /**
   * A connector with its own, cold token cache and the test JVM's runtime settings: the build
   * allows the local stand-ins for Zoho (pom.xml, {@code stand-ins.allowed-origins}).
   */
  public static CancelMeetingFunction connector(
      HttpTransport transport, Clock clock, MeetingCanceller.Sleeper sleeper, long seed) {
    return connector(
        RuntimeSettings.fromEnvironment(), transport, clock, sleeper, seed, defaultBudget());
  }

  /** The same with the execution budget an operator would set. */
  public static CancelMeetingFunction connector(
      HttpTransport transport,
      Clock clock,
      MeetingCanceller.Sleeper sleeper,
      long seed,
      ExecutionBudget budget) {
    return connector(RuntimeSettings.fromEnvironment(), transport, clock, sleeper, seed, budget);
  }

  /** The same with runtime settings of the test's choosing. */
  public static CancelMeetingFunction connector(
      RuntimeSettings settings,
      HttpTransport transport,
      Clock clock,
      MeetingCanceller.Sleeper sleeper,
      long seed) {
    return connector(settings, transport, clock, sleeper, seed, defaultBudget());
  }

  private static CancelMeetingFunction connector(
      RuntimeSettings settings,
      HttpTransport transport,
      Clock clock,
      MeetingCanceller.Sleeper sleeper,
      long seed,
      ExecutionBudget budget) {
    return new CancelMeetingFunction(
        new MeetingCanceller(
            new ZohoCrmClient(transport),
            new AccessTokens(new OAuthTokenClient(transport, clock), clock, new Random(seed)),
            EndpointPolicy.from(settings),
            // Its pauses after a 429 are waited out in real time: a test's frozen clock would make
            // them last for ever.
            ConcurrencyGovernor.create(settings, Clock.systemUTC()),
            RetryPolicy.DEFAULT,
            budget,
            sleeper,
            new Random(seed),
            clock));
  }

  private static ExecutionBudget defaultBudget() {
    return new ExecutionBudget(ExecutionBudget.DEFAULT);
  }

  /** Runtime settings that allow these origins besides Zoho's hosts (comma-separated). */
  public static RuntimeSettings allowing(String origins) {
    return RuntimeSettings.of(
        Map.of(RuntimeSettings.ALLOWED_ORIGINS.environmentVariable(), origins));
  }
}
