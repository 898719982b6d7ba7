package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Optional behaviour; every field has a safe default when the process leaves it out. */
public record CancellationOptions(
    @TemplateProperty(
            group = "behaviour",
            label = "API version",
            defaultValue = "V7",
            optional = true,
            description = "Zoho CRM API version. v8 adds 'Cancelled by'.")
        ApiVersion apiVersion,
    @JsonDeserialize(using = RecordIdDeserializer.class)
        @TemplateProperty(
            group = "behaviour",
            label = "Cancelled by (user id)",
            optional = true,
            description =
                "Zoho CRM user id shown as the one who cancelled. Requires 'Send cancellation mail'.",
            condition = @PropertyCondition(property = "options.apiVersion", equals = "V8"),
            constraints =
                @PropertyConstraints(
                    pattern =
                        @TemplateProperty.Pattern(
                            value = "^([0-9]{1,19}|=.+)?$",
                            message = "Must be a Zoho user id: digits only, at most 19")))
        String cancelledBy,
    @JsonDeserialize(using = StrictBooleanDeserializer.class)
        @TemplateProperty(
            group = "behaviour",
            label = "Treat an already cancelled meeting as success",
            defaultValueType = DefaultValueType.Boolean,
            defaultValue = "false",
            optional = true,
            description =
                "Complete the task (result alreadyCancelled = true) instead of raising NOT_ALLOWED"
                    + " when the meeting was cancelled before.")
        Boolean alreadyCancelledIsSuccess,
    @JsonDeserialize(using = StrictBooleanDeserializer.class)
        @TemplateProperty(
            group = "behaviour",
            label = "Cancel without mail when the daily mail limit is reached",
            defaultValueType = DefaultValueType.Boolean,
            defaultValue = "false",
            optional = true,
            description =
                "When Zoho answers DAILY_LIMIT_EXCEEDED, cancel again without mail (result"
                    + " mailStatus = SKIPPED_DAILY_LIMIT; 'Cancelled by' is then left out, as Zoho"
                    + " accepts it only with the mail) instead of raising the error.")
        Boolean cancelWithoutMailOnDailyLimit,
    @Min(value = 1, message = "Connect timeout must be at least 1 second")
        @Max(
            value = MAX_CONNECT_TIMEOUT_SECONDS,
            message = "Connect timeout must be at most " + MAX_CONNECT_TIMEOUT_SECONDS + " seconds")
        @TemplateProperty(
            group = "behaviour",
            label = "Connect timeout (seconds)",
            defaultValue = "10",
            defaultValueType = DefaultValueType.Number,
            optional = true,
            description = "How long to wait for a connection to Zoho, 1 to 30 seconds.")
        Integer connectTimeoutSeconds,
    @Min(value = 1, message = "Read timeout must be at least 1 second")
        @Max(
            value = MAX_READ_TIMEOUT_SECONDS,
            message = "Read timeout must be at most " + MAX_READ_TIMEOUT_SECONDS + " seconds")
        @TemplateProperty(
            group = "behaviour",
            label = "Read timeout (seconds)",
            defaultValue = "30",
            defaultValueType = DefaultValueType.Number,
            optional = true,
            description =
                "How long to wait for Zoho's answer, 1 to 60 seconds. All attempts of one"
                    + " execution share its time budget, 2 minutes by default (see the README).")
        Integer readTimeoutSeconds,
    @TemplateProperty(
            group = "behaviour",
            label = "Zoho CRM edition",
            defaultValue = "FREE",
            optional = true,
            description =
                "The org's edition: how many calls to the org may run at once, shared by every job"
                    + " of the runtime (Free 5 to Ultimate 25). Free is safe for any org; an edition"
                    + " above the org's own costs refused calls, each an API credit.")
        ZohoEdition edition) {

  /** Every option left out: the safe defaults. */
  public static CancellationOptions defaults() {
    return new CancellationOptions(null, null, null, null, null, null, null);
  }

  /**
   * One call may take connect + read timeout; both maxima together (90 s) fit in the default
   * execution budget of 2 minutes, so the first call of an execution always gets its full time.
   */
  @TemplateProperty(ignore = true)
  public static final int MAX_CONNECT_TIMEOUT_SECONDS = 30;

  @TemplateProperty(ignore = true)
  public static final int MAX_READ_TIMEOUT_SECONDS = 60;

  public ApiVersion effectiveApiVersion() {
    return apiVersion == null ? ApiVersion.V7 : apiVersion;
  }

  /** Left out, the smallest edition's allowance, which no org's limit is below. */
  public ZohoEdition effectiveEdition() {
    return edition == null ? ZohoEdition.SAFEST : edition;
  }

  public boolean treatAlreadyCancelledAsSuccess() {
    return Boolean.TRUE.equals(alreadyCancelledIsSuccess);
  }

  public boolean fallBackToNoMail() {
    return Boolean.TRUE.equals(cancelWithoutMailOnDailyLimit);
  }

  public Duration connectTimeout() {
    return Duration.ofSeconds(connectTimeoutSeconds == null ? 10 : connectTimeoutSeconds);
  }

  public Duration readTimeout() {
    return Duration.ofSeconds(readTimeoutSeconds == null ? 30 : readTimeoutSeconds);
  }

  /** Blank means "not given": Modeler writes an empty string for a cleared optional field. */
  public String cancelledByOrNull() {
    return cancelledBy == null || cancelledBy.isBlank() ? null : cancelledBy;
  }

  @AssertTrue(
      message =
          "options.cancelledBy (Cancelled by) is supported by API version v8 only: choose v8 or"
              + " clear the field.")
  private boolean isCancelledByOnlyWithV8() {
    return cancelledByOrNull() == null || effectiveApiVersion() == ApiVersion.V8;
  }

  @AssertTrue(message = "options.cancelledBy (Cancelled by) must be a Zoho user id, digits only.")
  private boolean isCancelledByAUserId() {
    return cancelledByOnV8OrNull() == null || MeetingIds.isValid(cancelledByOnV8OrNull());
  }

  /**
   * The "Cancelled by" the rules beyond the API version apply to: on v7 the field is to be cleared
   * whatever it holds, and saying more about it would only add noise to the incident.
   */
  String cancelledByOnV8OrNull() {
    return effectiveApiVersion() == ApiVersion.V8 ? cancelledByOrNull() : null;
  }
}
