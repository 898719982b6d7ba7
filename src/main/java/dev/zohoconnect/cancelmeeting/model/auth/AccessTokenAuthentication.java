package dev.zohoconnect.cancelmeeting.model.auth;

import dev.zohoconnect.cancelmeeting.auth.IssuedToken;
import dev.zohoconnect.cancelmeeting.auth.Secrets;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/** A Zoho OAuth access token supplied by the process, sent as {@code Zoho-oauthtoken}. */
@TemplateSubType(id = AccessTokenAuthentication.TYPE, label = "Access token")
public record AccessTokenAuthentication(
    @NotBlank(
            message =
                "Access token is required: reference a secret, e.g. {{secrets.ZOHO_ACCESS_TOKEN}}")
        @TemplateProperty(
            group = "authentication",
            label = "Access token",
            description =
                "A Zoho CRM OAuth access token with scope ZohoCRM.Modules.Events.UPDATE. Store it"
                    + " as a secret: {{secrets.ZOHO_ACCESS_TOKEN}}",
            constraints =
                @PropertyConstraints(
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Secrets.REFERENCE_PATTERN,
                            message = Secrets.REFERENCE_MESSAGE)))
        String accessToken)
    implements ZohoAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "accessToken";

  // Never quotes the value: it is a credential. A blank one is @NotBlank's to report.
  @AssertTrue(
      message =
          "authentication.accessToken (Access token) contains a space, line break or other"
              + " character no Zoho token has; check the secret's value (a line break copied"
              + " along with the token is the usual cause).")
  private boolean isAccessTokenFitForAHeader() {
    return accessToken == null || accessToken.isBlank() || IssuedToken.fitsInHeader(accessToken);
  }

  @Override
  public String toString() {
    return "AccessTokenAuthentication[accessToken=" + Secrets.REDACTED + "]";
  }
}
