package dev.zohoconnect.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** The one object mapper, plus a compact way to write small ordered JSON objects. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * An object with the given keys in the given order: {@code object("reason", "completed_meeting",
   * "id", id)}. Values may be strings, booleans, numbers, JSON nodes or lists of strings.
   */
  static ObjectNode object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], toNode(keysAndValues[i + 1]));
    }
    return node;
  }

  /** {@code {"data":[item]}}, the envelope of record APIs. */
  static ObjectNode dataEnvelope(JsonNode item) {
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.putArray("data").add(item);
    return envelope;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode toNode(Object value) {
    return switch (value) {
      case JsonNode node -> node;
      case List<?> list -> {
        ArrayNode array = MAPPER.createArrayNode();
        list.forEach(item -> array.add(String.valueOf(item)));
        yield array;
      }
      default -> MAPPER.valueToTree(value);
    };
  }
}
