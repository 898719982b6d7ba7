package dev.zohoconnect.cancelmeeting.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Accepts only JSON {@code true} and {@code false}. Jackson would otherwise turn {@code "yes"},
 * {@code "false "} or {@code 1} into a boolean, and a mail flag guessed wrong mails every
 * participant of a meeting.
 */
public final class StrictBooleanDeserializer extends StrictTokenDeserializer<Boolean> {

  public StrictBooleanDeserializer() {
    super(Boolean.class);
  }

  @Override
  Boolean accept(JsonParser parser, JsonToken token) {
    return switch (token) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  @Override
  String refusal() {
    return "%s must be the boolean true or false (not quoted), but got %s";
  }
}
