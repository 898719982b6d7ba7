package dev.zohoconnect.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The committed element template, read as Camunda Modeler reads it. */
final class ElementTemplate {

  static final Path FILE = Path.of("element-templates/cancel-zoho-meeting.json");

  private final JsonNode json;

  private ElementTemplate(JsonNode json) {
    this.json = json;
  }

  static ElementTemplate committed() {
    try {
      return of(new ObjectMapper().readTree(FILE.toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + FILE, e);
    }
  }

  static ElementTemplate of(JsonNode json) {
    return new ElementTemplate(json);
  }

  String id() {
    return json.path("id").asText();
  }

  String version() {
    return json.path("version").asText();
  }

  String iconContents() {
    return json.path("icon").path("contents").asText();
  }

  List<JsonNode> properties() {
    List<JsonNode> properties = new ArrayList<>();
    json.path("properties").forEach(properties::add);
    return properties;
  }

  /** A property by its id; Modeler's conditions name their subject this way. */
  Optional<JsonNode> findProperty(String id) {
    return properties().stream().filter(p -> id.equals(p.path("id").asText())).findFirst();
  }

  JsonNode property(String id) {
    return findProperty(id)
        .orElseThrow(() -> new AssertionError("the template has no property " + id));
  }

  /** The value of the property bound as {@code bindingType} with {@code attribute = name}. */
  String bindingValue(String bindingType, String attribute, String name) {
    return properties().stream()
        .filter(p -> bindsTo(p, bindingType, attribute, name))
        .findFirst()
        .map(p -> p.path("value").asText())
        .orElseThrow(() -> new AssertionError("the template has no " + bindingType + " " + name));
  }

  /** Every name ({@code attribute}) the template binds with {@code bindingType}. */
  Set<String> bindingNames(String bindingType, String attribute) {
    return properties().stream()
        .map(p -> p.path("binding"))
        .filter(binding -> bindingType.equals(binding.path("type").asText()))
        .map(binding -> binding.path(attribute).asText())
        .collect(Collectors.toUnmodifiableSet());
  }

  static String label(JsonNode property) {
    return property.path("label").asText(property.path("id").asText());
  }

  private static boolean bindsTo(
      JsonNode property, String bindingType, String attribute, String name) {
    JsonNode binding = property.path("binding");
    return bindingType.equals(binding.path("type").asText())
        && name.equals(binding.path(attribute).asText());
  }
}
