package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zohoconnect.emulator.oauth.TokenGrant;
import dev.zohoconnect.emulator.oauth.TokenService;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /oauth/v2/token}, refresh-token grant only. Every answer is HTTP 200, refusals
 * included, exactly the trap real clients fall into when they only check the status.
 */
final class TokenEndpoint implements EndpointHandler {

  private final TokenService tokens;
  private final Supplier<String> apiDomain;
  private final EmulatorCounters counters;

  TokenEndpoint(TokenService tokens, Supplier<String> apiDomain, EmulatorCounters counters) {
    this.tokens = tokens;
    this.apiDomain = apiDomain;
    this.counters = counters;
  }

  @Override
  public EmulatorReply handle(IncomingRequest request, Route.Matched route) {
    Map<String, String> form = request.formParameters();
    if (!"refresh_token".equals(form.get("grant_type"))) {
      return refused(new TokenGrant.Refused(TokenGrant.Refused.UNSUPPORTED_GRANT_TYPE, null));
    }
    String refreshToken = form.get("refresh_token");
    counters.recordTokenRefresh(refreshToken);
    return switch (tokens.refresh(form.get("client_id"), form.get("client_secret"), refreshToken)) {
      case TokenGrant.Issued issued -> issued(issued);
      case TokenGrant.Refused refusal -> {
        counters.recordTokenRefusal(refusal.error());
        yield refused(refusal);
      }
    };
  }

  private EmulatorReply issued(TokenGrant.Issued issued) {
    ObjectNode body =
        Json.object(
            "access_token", issued.token().value(),
            "expires_in", issued.expiresIn().toSeconds(),
            "api_domain", apiDomain.get(),
            "token_type", "Bearer");
    return EmulatorReply.json(200, body);
  }

  private static EmulatorReply refused(TokenGrant.Refused refusal) {
    ObjectNode body = Json.object("error", refusal.error());
    if (refusal.description() != null) {
      body.put("error_description", refusal.description());
    }
    return EmulatorReply.json(200, body);
  }
}
