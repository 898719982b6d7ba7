package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** Which meeting to cancel and whether Zoho mails its participants. */
public record MeetingDetails(
    @NotNull(message = "Meeting id is required: " + MeetingIds.EXPECTATION)
        @JsonDeserialize(using = RecordIdDeserializer.class)
        @TemplateProperty(
            group = "meeting",
            label = "Meeting id",
            description =
                "Id of the Zoho CRM meeting (module Events), digits only, e.g."
                    + " 4876876000001563018, or a FEEL expression such as =meetingId",
            feel = FeelMode.optional,
            constraints =
                @PropertyConstraints(
                    pattern =
                        @TemplateProperty.Pattern(
                            value = MeetingIds.TEMPLATE_REGEX,
                            message =
                                "Must be " + MeetingIds.EXPECTATION + ", or a FEEL expression")))
        String meetingId,
    @NotNull(message = "Send cancellation mail is required: true or false")
        @JsonDeserialize(using = StrictBooleanDeserializer.class)
        @TemplateProperty(
            group = "meeting",
            label = "Send cancellation mail",
            defaultValueType = DefaultValueType.Boolean,
            defaultValue = "false",
            feel = FeelMode.optional,
            description =
                "Whether Zoho mails the invited participants that the meeting is cancelled. Mails"
                    + " count against the Zoho user's daily mail limit.")
        Boolean sendCancellingMail) {

  // The id becomes a segment of the request's URL: anything but a record id could name another
  // path.
  @AssertTrue(message = "meeting.meetingId (Meeting id) must be " + MeetingIds.EXPECTATION + ".")
  private boolean isMeetingIdARecordId() {
    return meetingId == null || MeetingIds.isValid(meetingId);
  }
}
