package dev.zohoconnect.cancelmeeting;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.zohoconnect.cancelmeeting.auth.AccessTokens;
import dev.zohoconnect.cancelmeeting.auth.OAuthTokenClient;
import dev.zohoconnect.cancelmeeting.budget.ExecutionBudget;
import dev.zohoconnect.cancelmeeting.client.EndpointPolicy;
import dev.zohoconnect.cancelmeeting.client.ZohoCrmClient;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.limits.ConcurrencyGovernor;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingRequest;
import dev.zohoconnect.cancelmeeting.model.CancelMeetingResult;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The "Cancel Zoho Meeting" connector: the runtime finds it by SPI, creates it once and calls it
 * for every job, concurrently. Everything it holds (HTTP connection pools, the token cache) is
 * therefore shared by all jobs of the runtime, which is what keeps token refreshes within Zoho's
 * limits.
 */
// "error" is not an input: it is what the runtime stores on a job it failed, read to recognise a
// retry after a request that may have cancelled the meeting (see PriorExecution). The runtime
// fetches only the listed variables.
@OutboundConnector(
    name = CancelMeetingFunction.NAME,
    inputVariables = {
      "meeting",
      "authentication",
      "dataCenter",
      "zohoEnvironment",
      "options",
      "endpoints",
      "error"
    },
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
  public static final int TEMPLATE_VERSION = 2;

  private final MeetingCanceller canceller;

  /** Used by the runtime's SPI discovery: the runtime's settings are read here, once. */
  public CancelMeetingFunction() {
    this(RuntimeSettings.fromEnvironment());
  }

  /** The connector with settings of the caller's choosing (an embedded runtime, a test). */
  public CancelMeetingFunction(RuntimeSettings settings) {
    this(defaultCanceller(settings));
  }

  public CancelMeetingFunction(MeetingCanceller canceller) {
    this.canceller = canceller;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    CancelMeetingRequest request = bind(context);
    return canceller.cancel(
        request,
        Long.toString(context.getJobContext().getElementInstanceKey()),
        () -> PriorExecution.fromJobVariables(context.getJobContext().getVariables()));
  }

  /**
   * The runtime's binding, which also checks every constraint on the records in {@code model} (Bean
   * Validation), with the field named where Jackson's message does not name it ("Numeric value (…)
   * out of range of int" says nothing of which property was out of range).
   */
  private static CancelMeetingRequest bind(OutboundConnectorContext context) {
    try {
      return context.bindVariables(CancelMeetingRequest.class);
    } catch (ConnectorInputException e) {
      List<JsonMappingException.Reference> path = pathOf(e);
      if (path.isEmpty()
          || path.getLast().getFieldName() == null
          || String.valueOf(e.getMessage()).contains(path.getLast().getFieldName())) {
        throw e;
      }
      String field =
          path.stream()
              .map(
                  r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining())
              .substring(1);
      throw new ConnectorInputException(field + ": " + e.getMessage(), e.getCause());
    }
  }

  private static List<JsonMappingException.Reference> pathOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        return mapping.getPath();
      }
    }
    return List.of();
  }

  private static MeetingCanceller defaultCanceller(RuntimeSettings settings) {
    Clock clock = Clock.systemUTC();
    HttpTransport transport = new HttpTransport(clock);
    return new MeetingCanceller(
        new ZohoCrmClient(transport),
        new AccessTokens(new OAuthTokenClient(transport, clock), clock),
        EndpointPolicy.from(settings),
        ConcurrencyGovernor.create(settings, clock),
        RetryPolicy.DEFAULT,
        ExecutionBudget.from(settings),
        (Duration wait) -> Thread.sleep(wait),
        // Each job thread draws from its own generator: no contention, no shared state.
        () -> ThreadLocalRandom.current().nextLong(),
        clock);
  }
}
