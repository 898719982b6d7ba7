package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Accepts a Zoho record id only as text. Jackson would turn a number into its digits, but by then
 * the number may not be the one the process computed: Zeebe stores a whole FEEL number beyond 64
 * bits wrapped around (98765432109876543210 arrives as 6531711741328785130), a valid-looking id of
 * another record. Zoho itself writes ids as strings; a number is refused with the fix to apply.
 */
public final class RecordIdDeserializer extends StrictTokenDeserializer<String> {

  public RecordIdDeserializer() {
    super(String.class);
  }

  @Override
  String accept(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_STRING ? parser.getText() : null;
  }

  @Override
  String refusal() {
    return "%s must be a Zoho record id as text, such as \"4876876000001563018\", but got %s. The"
        + " engine keeps whole numbers beyond 64 bits wrapped around, so a number could name"
        + " another record: pass the id as a string, e.g. =string(meetingId)";
  }
}
