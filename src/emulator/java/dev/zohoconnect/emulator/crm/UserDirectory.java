package dev.zohoconnect.emulator.crm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The org's users, looked up by the user id an access token is bound to. */
public final class UserDirectory {

  private final Map<String, CrmUser> users = new ConcurrentHashMap<>();

  public UserDirectory put(CrmUser user) {
    users.put(user.id(), user);
    return this;
  }

  public Optional<CrmUser> find(String id) {
    return Optional.ofNullable(users.get(id));
  }

  public CrmUser get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("No user " + id));
  }

  /**
   * Changes one user atomically, e.g. {@code users.update(id, u -> u.withEditPermission(false))}.
   */
  public CrmUser update(String id, UnaryOperator<CrmUser> change) {
    CrmUser updated = users.computeIfPresent(id, (key, user) -> change.apply(user));
    if (updated == null) {
      throw new IllegalArgumentException("No user " + id);
    }
    return updated;
  }
}
