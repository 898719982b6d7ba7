package dev.zohoconnect.emulator.crm;

import java.util.Objects;
import java.util.Set;

/**
 * A CRM user an access token acts for, with the permissions the cancel call depends on.
 *
 * @param mayEditEvents the profile permission Zoho reports as {@code Crm_Implied_Edit_Events};
 *     without it every cancel call fails with {@code NO_PERMISSION}
 * @param dailyMailLimit how many cancellation mails this user may send per day before {@code
 *     DAILY_LIMIT_EXCEEDED}
 * @param lockedRecordIds meetings this user may see but not act on (sharing rules, approval locks,
 *     ...): cancelling one of them answers {@code CANNOT_PERFORM_ACTION}
 */
public record CrmUser(
    String id,
    String name,
    String email,
    boolean mayEditEvents,
    int dailyMailLimit,
    Set<String> lockedRecordIds) {

  public static final int DEFAULT_DAILY_MAIL_LIMIT = 50;

  public CrmUser {
    Objects.requireNonNull(id, "id");
    if (dailyMailLimit < 0) {
      throw new IllegalArgumentException("dailyMailLimit must not be negative");
    }
    lockedRecordIds = Set.copyOf(lockedRecordIds);
  }

  /** A user with edit permission, the default mail limit and no locked records. */
  public static CrmUser of(String id, String name, String email) {
    return new CrmUser(id, name, email, true, DEFAULT_DAILY_MAIL_LIMIT, Set.of());
  }

  public boolean mayActOn(String recordId) {
    return !lockedRecordIds.contains(recordId);
  }

  public CrmUser withEditPermission(boolean value) {
    return new CrmUser(id, name, email, value, dailyMailLimit, lockedRecordIds);
  }

  public CrmUser withDailyMailLimit(int value) {
    return new CrmUser(id, name, email, mayEditEvents, value, lockedRecordIds);
  }

  public CrmUser withLockedRecords(String... recordIds) {
    return new CrmUser(id, name, email, mayEditEvents, dailyMailLimit, Set.of(recordIds));
  }
}
