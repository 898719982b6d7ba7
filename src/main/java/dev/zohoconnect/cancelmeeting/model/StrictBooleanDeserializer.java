package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Accepts only JSON {@code true} and {@code false}. Jackson would otherwise turn {@code "yes"},
 * {@code "false "} or {@code 1} into a boolean, and a mail flag guessed wrong mails every
 * participant of a meeting.
 */
public final class StrictBooleanDeserializer extends StdDeserializer<Boolean> {

  public StrictBooleanDeserializer() {
    super(Boolean.class);
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    String field = parser.currentName() == null ? "value" : parser.currentName();
    String got =
        switch (token) {
          case VALUE_STRING -> "a string";
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
          default -> "a " + token.name().toLowerCase();
        };
    return (Boolean)
        context.handleUnexpectedToken(
            Boolean.class,
            token,
            parser,
            "%s must be the boolean true or false (not quoted), but got %s",
            field,
            got);
  }

  @Override
  public Boolean getNullValue(DeserializationContext context) {
    return null;
  }
}
