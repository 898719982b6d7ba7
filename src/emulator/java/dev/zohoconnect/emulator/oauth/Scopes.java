package dev.zohoconnect.emulator.oauth;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth scopes the emulated endpoints look at. Zoho compares scope names case-insensitively.
 */
public final class Scopes {

  public static final String MODULES_ALL = "ZohoCRM.Modules.ALL";
  public static final String EVENTS_ALL = "ZohoCRM.Modules.Events.ALL";
  public static final String EVENTS_UPDATE = "ZohoCRM.Modules.Events.UPDATE";
  public static final String EVENTS_READ = "ZohoCRM.Modules.Events.READ";

  /** Any one of these lets a token cancel a meeting (the cancel page's scope section). */
  public static final Set<String> CANCEL_MEETING = Set.of(MODULES_ALL, EVENTS_ALL, EVENTS_UPDATE);

  /** Reading a meeting additionally accepts the read-only scope. */
  public static final Set<String> READ_MEETING =
      Set.of(MODULES_ALL, EVENTS_ALL, EVENTS_UPDATE, EVENTS_READ);

  private Scopes() {}

  public static boolean grantsAny(Collection<String> held, Set<String> accepted) {
    Set<String> acceptedLower = lowerCase(accepted);
    return held.stream()
        .map(scope -> scope.toLowerCase(Locale.ROOT))
        .anyMatch(acceptedLower::contains);
  }

  private static Set<String> lowerCase(Collection<String> scopes) {
    return scopes.stream().map(scope -> scope.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
