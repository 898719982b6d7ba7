package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Accepts a Zoho record id only as text. Jackson would turn a number into its digits, but by then
 * the number may not be the one the process computed: Zeebe stores a whole FEEL number beyond 64
 * bits wrapped around (98765432109876543210 arrives as 6531711741328785130), a valid-looking id of
 * another record. Zoho itself writes ids as strings; a number is refused with the fix to apply.
 */
public final class RecordIdDeserializer extends StdDeserializer<String> {

  public RecordIdDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    String field = path(parser.getParsingContext());
    String got =
        switch (token) {
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
          case START_ARRAY -> "a list";
          case START_OBJECT -> "an object";
          default -> "a " + token.name().toLowerCase();
        };
    return (String)
        context.handleUnexpectedToken(
            String.class,
            token,
            parser,
            "%s must be a Zoho record id as text, such as \"4876876000001563018\", but got %s. The"
                + " engine keeps whole numbers beyond 64 bits wrapped around, so a number could name"
                + " another record: pass the id as a string, e.g. =string(meetingId)",
            field,
            got);
  }

  @Override
  public String getNullValue(DeserializationContext context) {
    return null;
  }

  private static String path(JsonStreamContext context) {
    String path = null;
    for (JsonStreamContext c = context; c != null; c = c.getParent()) {
      if (c.getCurrentName() != null) {
        path = path == null ? c.getCurrentName() : c.getCurrentName() + "." + path;
      }
    }
    return path == null ? "value" : path;
  }
}
