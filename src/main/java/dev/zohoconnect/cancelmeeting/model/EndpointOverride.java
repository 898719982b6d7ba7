package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DefaultValueType;
import io.camunda.connector.generator.java.annotation.TemplateProperty.NestedPropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;

/**
 * Custom Zoho endpoints, for a corporate proxy or the local emulator. Off by default: a token is
 * sent only to Zoho's own hosts unless the user asks otherwise here, and then only to Zoho's hosts
 * or to origins the runtime's operator allows ({@code EndpointPolicy}).
 */
public record EndpointOverride(
    @JsonDeserialize(using = StrictBooleanDeserializer.class)
        @TemplateProperty(
            group = "advanced",
            label = "Use custom Zoho endpoints",
            defaultValueType = DefaultValueType.Boolean,
            defaultValue = "false",
            optional = true,
            feel = FeelMode.optional,
            description =
                "For a proxy or the local Zoho CRM emulator (sandbox and developer orgs: choose the"
                    + " Zoho environment instead). Tokens are then sent to the URLs below, which"
                    + " must be Zoho's hosts or origins the connector runtime's operator allows"
                    + " (ZOHO_CONNECTOR_ALLOWED_ORIGINS). A FEEL expression such as"
                    + " =zohoApiBaseUrl != null lets one process run against Zoho and the emulator.")
        Boolean enabled,
    @TemplateProperty(
            group = "advanced",
            label = "Accounts URL",
            description =
                "OAuth server, e.g. https://accounts.zoho.eu. https only (http only for"
                    + " localhost); another host than Zoho's must be allowed by the runtime.",
            condition =
                @PropertyCondition(
                    property = "",
                    allMatch = {
                      @NestedPropertyCondition(
                          property = "endpoints.enabled",
                          equalsBoolean = TemplateProperty.EqualsBoolean.TRUE),
                      @NestedPropertyCondition(
                          property = "authentication.type",
                          equals = RefreshTokenAuthentication.TYPE)
                    }),
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = EndpointOverride.URL_REGEX,
                            message = EndpointOverride.URL_MESSAGE)))
        String accountsUrl,
    @TemplateProperty(
            group = "advanced",
            label = "API base URL",
            description =
                "Zoho CRM API host, e.g. https://zoho-proxy.example.com. https only (http only for"
                    + " localhost); another host than Zoho's must be allowed by the runtime.",
            condition =
                @PropertyCondition(
                    property = "endpoints.enabled",
                    equalsBoolean = TemplateProperty.EqualsBoolean.TRUE),
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @TemplateProperty.Pattern(
                            value = EndpointOverride.URL_REGEX,
                            message = EndpointOverride.URL_MESSAGE)))
        String apiBaseUrl) {

  /** Loose on purpose: the connector re-checks the URL fully; this only guides typing. */
  @TemplateProperty(ignore = true)
  public static final String URL_REGEX =
      "^(https://.+|http://(localhost|127(\\.[0-9]{1,3}){3}|\\[::1\\])(:[0-9]+)?/?|=.+)?$";

  @TemplateProperty(ignore = true)
  public static final String URL_MESSAGE = "Must be an https:// URL (http:// only for localhost)";

  public boolean isEnabled() {
    return Boolean.TRUE.equals(enabled);
  }
}
