package dev.zohoconnect.cancelmeeting.model;

import dev.zohoconnect.cancelmeeting.model.auth.ZohoAuthentication;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** Everything the modeler configures on a "Cancel Zoho Meeting" task, bound from job variables. */
public record CancelMeetingRequest(
    @Valid @NotNull(message = "Meeting is required: set the meeting id and the mail flag")
        MeetingDetails meeting,
    @Valid @NotNull(message = "Authentication is required: choose refresh token or access token")
        ZohoAuthentication authentication,
    @NotNull(message = "Data center is required: choose the one your Zoho account lives in")
        @TemplateProperty(
            group = "authentication",
            label = "Data center",
            defaultValue = "US",
            description =
                "Where your Zoho account lives (the domain you log in at). Derives the accounts"
                    + " server and the API host; tokens work only in their own data center.")
        DataCenter dataCenter,
    // Not "environment": a diagram from before this field has no input mapping for it, and the
    // runtime would then bind a process variable of that common name.
    @TemplateProperty(
            group = "authentication",
            label = "Zoho environment",
            defaultValue = "PRODUCTION",
            description =
                "The org's environment: Production (www.zohoapis), Sandbox (sandbox.zohoapis) or"
                    + " Developer (developer.zohoapis) in the chosen data center. The accounts"
                    + " server stays the data center's. Ignored when custom endpoints are used.")
        ZohoEnvironment zohoEnvironment,
    @Valid CancellationOptions options,
    @Valid EndpointOverride endpoints) {

  public CancellationOptions optionsOrDefaults() {
    return options == null ? CancellationOptions.defaults() : options;
  }

  /** Production unless chosen otherwise; diagrams made before the choice existed have none. */
  public ZohoEnvironment zohoEnvironmentOrDefault() {
    return zohoEnvironment == null ? ZohoEnvironment.PRODUCTION : zohoEnvironment;
  }

  public EndpointOverride endpointsOrNone() {
    return endpoints == null ? new EndpointOverride(false, null, null) : endpoints;
  }

  // A rule across sections: checked here, before Zoho would refuse the call and cost a credit.
  @AssertTrue(
      message =
          "options.cancelledBy (Cancelled by) requires 'Send cancellation mail' = true; Zoho"
              + " refuses it otherwise (DEPENDENT_MISMATCH).")
  private boolean isCancelledByWithTheMail() {
    return optionsOrDefaults().cancelledByOnV8OrNull() == null
        || meeting == null
        || !Boolean.FALSE.equals(meeting.sendCancellingMail());
  }
}
