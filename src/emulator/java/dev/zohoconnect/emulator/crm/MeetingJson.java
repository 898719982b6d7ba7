package dev.zohoconnect.emulator.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps meetings to and from Zoho's record JSON ({@code Event_Title}, {@code Participants}, ...).
 *
 * <p>Seed files use the very shape {@code GET /crm/v7/Events} answers ({@code {"data":[...]}}), so
 * a response captured from a real org can be replayed, and both directions share one set of field
 * names.
 */
public final class MeetingJson {

  private static final String DATA = "data";
  private static final String ID = "id";
  private static final String TITLE = "Event_Title";
  private static final String START = "Start_DateTime";
  private static final String END = "End_DateTime";
  private static final String PARTICIPANTS = "Participants";
  private static final String OWNER = "Owner";
  private static final String CANCELLED = "$event_cancelled";
  private static final String PARTICIPANT_ID = "participant";
  private static final String PARTICIPANT_TYPE = "type";
  private static final String PARTICIPANT_EMAIL = "Email";
  private static final String PARTICIPANT_NAME = "name";
  private static final String PARTICIPANT_INVITED = "invited";
  private static final String OWNER_NAME = "name";
  private static final String OWNER_EMAIL = "email";

  /**
   * Zoho writes date-times to the second with the record's offset, e.g. {@code
   * 2030-05-20T10:00:00+05:30}.
   */
  private static final DateTimeFormatter ZOHO_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final ObjectMapper mapper;

  public MeetingJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public List<Meeting> readSeed(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readSeed(in);
    }
  }

  public List<Meeting> readSeed(InputStream in) throws IOException {
    JsonNode records = mapper.readTree(in).path(DATA);
    if (!records.isArray()) {
      throw new IOException("A seed file is {\"data\":[ ...meeting records... ]}");
    }
    List<Meeting> meetings = new ArrayList<>();
    records.forEach(record -> meetings.add(read(record)));
    return meetings;
  }

  public Meeting read(JsonNode record) {
    Meeting.Builder builder =
        Meeting.builder(text(record, ID))
            .title(record.path(TITLE).asText("Meeting " + text(record, ID)))
            .start(OffsetDateTime.parse(text(record, START)))
            .end(OffsetDateTime.parse(text(record, END)))
            .owner(readOwner(record.path(OWNER)))
            .cancelled(record.path(CANCELLED).asBoolean(false));
    record
        .path(PARTICIPANTS)
        .forEach(participant -> builder.participant(readParticipant(participant)));
    return builder.build();
  }

  /** The record as {@code GET /crm/{version}/Events/{id}} lists it inside {@code data}. */
  public ObjectNode write(Meeting meeting) {
    ObjectNode record = mapper.createObjectNode();
    record.put(ID, meeting.id());
    record.put(TITLE, meeting.title());
    record.put(START, ZOHO_DATE_TIME.format(meeting.start()));
    record.put(END, ZOHO_DATE_TIME.format(meeting.end()));
    ArrayNode participants = record.putArray(PARTICIPANTS);
    meeting.participants().forEach(participant -> participants.add(writeParticipant(participant)));
    record.set(OWNER, writeOwner(meeting.owner()));
    record.put(CANCELLED, meeting.cancelled());
    return record;
  }

  private Participant readParticipant(JsonNode node) {
    return new Participant(
        text(node, PARTICIPANT_ID),
        text(node, PARTICIPANT_TYPE),
        node.path(PARTICIPANT_EMAIL).asText(null),
        node.path(PARTICIPANT_NAME).asText(null),
        node.path(PARTICIPANT_INVITED).asBoolean(false));
  }

  private ObjectNode writeParticipant(Participant participant) {
    ObjectNode node = mapper.createObjectNode();
    node.put(PARTICIPANT_ID, participant.participantId());
    node.put(PARTICIPANT_TYPE, participant.type());
    node.put(PARTICIPANT_EMAIL, participant.email());
    node.put(PARTICIPANT_NAME, participant.name());
    node.put(PARTICIPANT_INVITED, participant.invited());
    return node;
  }

  private static MeetingOwner readOwner(JsonNode node) {
    return new MeetingOwner(
        text(node, ID), node.path(OWNER_NAME).asText(null), node.path(OWNER_EMAIL).asText(null));
  }

  private ObjectNode writeOwner(MeetingOwner owner) {
    ObjectNode node = mapper.createObjectNode();
    node.put(OWNER_NAME, owner.name());
    node.put(ID, owner.id());
    node.put(OWNER_EMAIL, owner.email());
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode() || value.isNull()) {
      throw new IllegalArgumentException("Missing \"" + field + "\" in " + node);
    }
    return value.asText();
  }
}
