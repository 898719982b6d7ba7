package dev.zohoconnect.cancelmeeting.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

/** A Zoho OAuth access token supplied by the process, sent as {@code Zoho-oauthtoken}. */
@TemplateSubType(id = AccessTokenAuthentication.TYPE, label = "Access token")
public record AccessTokenAuthentication(
    @NotBlank(message = "Access token is required: reference a secret, e.g. {{secrets.ZOHO_ACCESS_TOKEN}}")
        @TemplateProperty(
            group = "authentication",
            label = "Access token",
            description =
                "A Zoho CRM OAuth access token with scope ZohoCRM.Modules.Events.UPDATE. Store it"
                    + " as a secret: {{secrets.ZOHO_ACCESS_TOKEN}}",
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Secrets.REFERENCE_PATTERN,
                            message = Secrets.REFERENCE_MESSAGE)))
        String accessToken)
    implements ZohoAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "accessToken";

  @Override
  public String toString() {
    return "AccessTokenAuthentication[accessToken=" + Secrets.REDACTED + "]";
  }
}
