package dev.zohoconnect.emulator;

import dev.zohoconnect.emulator.crm.CrmUser;
import dev.zohoconnect.emulator.crm.UserDirectory;
import dev.zohoconnect.emulator.oauth.AccessToken;
import dev.zohoconnect.emulator.oauth.Scopes;
import dev.zohoconnect.emulator.oauth.TokenService;
import java.util.Set;

/**
 * Turns the {@code Authorization} header into the CRM user the call acts for, or the matching 401.
 */
final class ApiAuthenticator {

  private static final String SCHEME = "Zoho-oauthtoken";

  private final TokenService tokens;
  private final UserDirectory users;

  ApiAuthenticator(TokenService tokens, UserDirectory users) {
    this.tokens = tokens;
    this.users = users;
  }

  CrmUser authenticate(IncomingRequest request, Set<String> acceptedScopes) {
    String header = request.authorization();
    if (header == null || header.isBlank()) {
      throw ZohoErrors.invalidToken().asException();
    }
    String[] schemeAndToken = header.trim().split("\\s+", 2);
    if (!SCHEME.equalsIgnoreCase(schemeAndToken[0])) {
      // "Bearer ..." and friends: Zoho does not even look at the token.
      throw ZohoErrors.authenticationFailure().asException();
    }
    String value = schemeAndToken.length == 2 ? schemeAndToken[1].trim() : null;
    AccessToken token =
        tokens.findValid(value).orElseThrow(() -> ZohoErrors.invalidToken().asException());
    if (!Scopes.grantsAny(token.scopes(), acceptedScopes)) {
      throw ZohoErrors.oauthScopeMismatch().asException();
    }
    return users.find(token.userId()).orElseThrow(() -> ZohoErrors.invalidToken().asException());
  }
}
