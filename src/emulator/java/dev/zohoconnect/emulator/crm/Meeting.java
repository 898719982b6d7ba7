package dev.zohoconnect.emulator.crm;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A record of Zoho's Meetings module (API name {@code Events}), reduced to what cancelling needs.
 *
 * <p>Immutable: the store swaps whole records, so a reader never sees a half-cancelled meeting.
 */
public record Meeting(
    String id,
    String title,
    OffsetDateTime start,
    OffsetDateTime end,
    List<Participant> participants,
    MeetingOwner owner,
    boolean cancelled) {

  /** Zoho record ids are positive decimal numbers of at most 19 digits (they fit a signed long). */
  private static final Pattern RECORD_ID = Pattern.compile("\\d{1,19}");

  public Meeting {
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          "A meeting id is a decimal number of up to 19 digits: " + id);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(owner, "owner");
    participants = List.copyOf(participants);
  }

  public static boolean isValidId(String id) {
    return id != null && RECORD_ID.matcher(id).matches();
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  public boolean hasInvitedParticipants() {
    return participants.stream().anyMatch(Participant::invited);
  }

  /**
   * Zoho treats a meeting as completed from its end time on, so the end instant itself is already
   * too late.
   */
  public boolean hasEndedBy(Instant now) {
    return !end.toInstant().isAfter(now);
  }

  public Meeting asCancelled() {
    return new Meeting(id, title, start, end, participants, owner, true);
  }

  public Builder toBuilder() {
    Builder builder =
        new Builder(id).title(title).start(start).end(end).owner(owner).cancelled(cancelled);
    participants.forEach(builder::participant);
    return builder;
  }

  /** Fluent construction for tests and seeds; the end defaults to one hour after the start. */
  public static final class Builder {
    private final String id;
    private final List<Participant> participants = new ArrayList<>();
    private String title;
    private OffsetDateTime start;
    private OffsetDateTime end;
    private MeetingOwner owner;
    private boolean cancelled;

    private Builder(String id) {
      this.id = id;
      this.title = "Meeting " + id;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder start(OffsetDateTime value) {
      this.start = value;
      return this;
    }

    public Builder end(OffsetDateTime value) {
      this.end = value;
      return this;
    }

    public Builder lasting(Duration duration) {
      this.end = Objects.requireNonNull(start, "set the start first").plus(duration);
      return this;
    }

    public Builder participant(Participant value) {
      participants.add(value);
      return this;
    }

    public Builder noParticipants() {
      participants.clear();
      return this;
    }

    /**
     * Keeps the participants but marks each as not invited: the usual cause of {@code
     * no_participants_invited}.
     */
    public Builder nobodyInvited() {
      participants.replaceAll(participant -> participant.withInvited(false));
      return this;
    }

    public Builder owner(MeetingOwner value) {
      this.owner = value;
      return this;
    }

    public Builder cancelled(boolean value) {
      this.cancelled = value;
      return this;
    }

    public Meeting build() {
      OffsetDateTime effectiveEnd =
          end != null ? end : Objects.requireNonNull(start, "start").plusHours(1);
      return new Meeting(id, title, start, effectiveEnd, participants, owner, cancelled);
    }
  }
}
