package dev.zohoconnect.emulator.crm;

import java.util.Objects;

/**
 * One entry of a meeting's {@code Participants[]} list.
 *
 * @param participantId the record id of the contact or lead, or the e-mail address for type {@code
 *     email}
 * @param type Zoho's participant type: {@code contact}, {@code lead}, {@code user} or {@code email}
 * @param email the participant's address ({@code Email} on the wire)
 * @param name display name
 * @param invited whether an invitation was sent; Zoho refuses to cancel a meeting nobody was
 *     invited to
 */
public record Participant(
    String participantId, String type, String email, String name, boolean invited) {

  public Participant {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(type, "type");
  }

  public static Participant invitedContact(String contactId, String name, String email) {
    return new Participant(contactId, "contact", email, name, true);
  }

  public static Participant invitedEmail(String email) {
    return new Participant(email, "email", email, email, true);
  }

  public Participant withInvited(boolean value) {
    return new Participant(participantId, type, email, name, value);
  }
}
