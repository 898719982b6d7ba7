package dev.zohoconnect.cancelmeeting.model;

import dev.zohoconnect.cancelmeeting.auth.DataCenter;
import dev.zohoconnect.cancelmeeting.auth.ZohoAuthentication;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.Valid;
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
    @Valid CancellationOptions options,
    @Valid EndpointOverride endpoints) {

  public CancellationOptions optionsOrDefaults() {
    return options == null ? CancellationOptions.defaults() : options;
  }

  public EndpointOverride endpointsOrNone() {
    return endpoints == null ? new EndpointOverride(false, null, null) : endpoints;
  }
}
