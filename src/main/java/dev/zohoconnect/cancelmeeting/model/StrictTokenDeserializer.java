package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Accepts a value only in its own JSON form, never one Jackson would coerce into it, and refuses
 * anything else with a message that names the field by its full path and the kind of JSON it got: a
 * guessed value is worse than an incident when it decides which meeting is cancelled or who is
 * mailed.
 */
abstract class StrictTokenDeserializer<T> extends StdDeserializer<T> {

  private final Class<T> type;

  StrictTokenDeserializer(Class<T> type) {
    super(type);
    this.type = type;
  }

  @Override
  public final T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    T value = accept(parser, token);
    if (value != null) {
      return value;
    }
    return type.cast(
        context.handleUnexpectedToken(
            type, token, parser, refusal(), path(parser.getParsingContext()), kindOf(token)));
  }

  /** The value {@code token} stands for, or null when it is not this type's own JSON form. */
  abstract T accept(JsonParser parser, JsonToken token) throws IOException;

  /** What is expected, a format with the field's path and the kind of JSON received, in order. */
  abstract String refusal();

  /** JSON null stays null: whether a value is required is the record's constraint to say. */
  @Override
  public final T getNullValue(DeserializationContext context) {
    return null;
  }

  private static String kindOf(JsonToken token) {
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      default -> "a " + token.name().toLowerCase();
    };
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
