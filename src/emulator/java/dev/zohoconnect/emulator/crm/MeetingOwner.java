package dev.zohoconnect.emulator.crm;

import java.util.Objects;

/** The {@code Owner} lookup of a meeting: the CRM user who owns the record. */
public record MeetingOwner(String id, String name, String email) {

  public MeetingOwner {
    Objects.requireNonNull(id, "id");
  }

  public static MeetingOwner of(CrmUser user) {
    return new MeetingOwner(user.id(), user.name(), user.email());
  }
}
