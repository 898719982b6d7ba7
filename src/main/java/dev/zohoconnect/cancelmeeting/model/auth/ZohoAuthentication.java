package dev.zohoconnect.cancelmeeting.model.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.camunda.connector.generator.java.annotation.TemplateDiscriminatorProperty;

/** How the connector proves to Zoho who it is. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(
      value = RefreshTokenAuthentication.class,
      name = RefreshTokenAuthentication.TYPE),
  @JsonSubTypes.Type(value = AccessTokenAuthentication.class, name = AccessTokenAuthentication.TYPE)
})
@TemplateDiscriminatorProperty(
    name = "type",
    label = "Authentication",
    group = "authentication",
    defaultValue = RefreshTokenAuthentication.TYPE,
    description =
        "OAuth refresh token (recommended): the connector renews access tokens itself. Access"
            + " token: a token you obtain and renew yourself; Zoho access tokens expire after one"
            + " hour.")
public sealed interface ZohoAuthentication
    permits RefreshTokenAuthentication, AccessTokenAuthentication {}
