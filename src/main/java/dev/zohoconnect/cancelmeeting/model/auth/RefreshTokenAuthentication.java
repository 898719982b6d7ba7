package dev.zohoconnect.cancelmeeting.model.auth;

import dev.zohoconnect.cancelmeeting.auth.Secrets;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

/**
 * A Zoho "Self Client" (or server-based client) with a long-lived refresh token. The connector
 * exchanges it for access tokens, caches them and renews them shortly before they expire.
 */
@TemplateSubType(id = RefreshTokenAuthentication.TYPE, label = "OAuth refresh token")
public record RefreshTokenAuthentication(
    @NotBlank(message = "Client id is required: copy it from Zoho's API console")
        @TemplateProperty(
            group = "authentication",
            label = "Client id",
            description =
                "From Zoho's API console (api-console.zoho.com), e.g. {{secrets.ZOHO_CLIENT_ID}}")
        String clientId,
    @NotBlank(
            message =
                "Client secret is required: reference a secret, e.g. {{secrets.ZOHO_CLIENT_SECRET}}")
        @TemplateProperty(
            group = "authentication",
            label = "Client secret",
            description = "Store it as a secret: {{secrets.ZOHO_CLIENT_SECRET}}",
            constraints =
                @PropertyConstraints(
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Secrets.REFERENCE_PATTERN,
                            message = Secrets.REFERENCE_MESSAGE)))
        String clientSecret,
    @NotBlank(
            message =
                "Refresh token is required: reference a secret, e.g. {{secrets.ZOHO_REFRESH_TOKEN}}")
        @TemplateProperty(
            group = "authentication",
            label = "Refresh token",
            description =
                "Generated with scope ZohoCRM.Modules.Events.UPDATE (or .ALL). Store it as a"
                    + " secret: {{secrets.ZOHO_REFRESH_TOKEN}}",
            constraints =
                @PropertyConstraints(
                    pattern =
                        @TemplateProperty.Pattern(
                            value = Secrets.REFERENCE_PATTERN,
                            message = Secrets.REFERENCE_MESSAGE)))
        String refreshToken)
    implements ZohoAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "refreshToken";

  @Override
  public String toString() {
    return "RefreshTokenAuthentication[clientId=%s, clientSecret=%s, refreshToken=%s]"
        .formatted(clientId, Secrets.REDACTED, Secrets.REDACTED);
  }
}
