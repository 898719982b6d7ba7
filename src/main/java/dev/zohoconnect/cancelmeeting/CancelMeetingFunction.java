package dev.zohoconnect.cancelmeeting;

import dev.zohoconnect.cancelmeeting.auth.AccessTokens;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.client.ZohoCrmClient;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The "Cancel Zoho Meeting" connector: the runtime finds it by SPI, creates it once and calls it
 * for every job, concurrently. Everything it holds (HTTP connection pools, the token cache) is
 * therefore shared by all jobs of the runtime, which is what keeps token refreshes within Zoho's
 * limits.
 */
@OutboundConnector(
    name = CancelMeetingFunction.NAME,
    inputVariables = {"meeting", "authentication", "dataCenter", "options", "endpoints"},
    type = CancelMeetingFunction.JOB_TYPE)
@ElementTemplate(
    id = CancelMeetingFunction.TEMPLATE_ID,
    name = "Cancel Zoho Meeting",
    version = CancelMeetingFunction.TEMPLATE_VERSION,
    description =
        "Cancel a Zoho CRM meeting, optionally mailing its participants. Every Zoho failure"
            + " becomes a BPMN error with Zoho's code.",
    documentationRef = "https://github.com/zohoconnect/zoho-cancel-meeting-connector#readme",
    engineVersion = "^8.8",
    icon = "zoho-meeting-cancel.svg",
    inputDataClass = CancelMeetingRequest.class,
    outputDataClass = CancelMeetingResult.class,
    defaultResultVariable = "cancellation",
    metadata = @ElementTemplate.Metadata(keywords = {"zoho", "crm", "meeting", "cancel", "event"}),
    propertyGroups = {
      @PropertyGroup(id = "meeting", label = "Meeting"),
      @PropertyGroup(id = "authentication", label = "Authentication"),
      @PropertyGroup(id = "behaviour", label = "Behaviour", openByDefault = false),
      @PropertyGroup(id = "advanced", label = "Advanced", openByDefault = false)
    })
public class CancelMeetingFunction implements OutboundConnectorFunction {

  public static final String NAME = "Cancel Zoho Meeting";
  public static final String JOB_TYPE = "dev.zohoconnect:zoho-cancel-meeting:1";
  public static final String TEMPLATE_ID = "dev.zohoconnect.ZohoCancelMeeting.v1";
  /** Bumped on every change of the generated template. */
  public static final int TEMPLATE_VERSION = 1;

  private final MeetingCanceller canceller;

  /** Used by the runtime's SPI discovery. */
  public CancelMeetingFunction() {
    this(defaultCanceller());
  }

  public CancelMeetingFunction(MeetingCanceller canceller) {
    this.canceller = canceller;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    CancelMeetingRequest request = context.bindVariables(CancelMeetingRequest.class);
    return canceller.cancel(request, Long.toString(context.getJobContext().getElementInstanceKey()));
  }

  private static MeetingCanceller defaultCanceller() {
    Clock clock = Clock.systemUTC();
    HttpTransport transport = new HttpTransport(clock);
    return new MeetingCanceller(
        new ZohoCrmClient(transport),
        new AccessTokens(new OAuthTokenClient(transport, clock), clock),
        RetryPolicy.DEFAULT,
        (Duration wait) -> Thread.sleep(wait),
        // Each job thread draws from its own generator: no contention, no shared state.
        () -> ThreadLocalRandom.current().nextLong(),
        clock);
  }
}
