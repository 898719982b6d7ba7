package dev.zohoconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.examples.TemplateConditions.Truth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The condition kinds Modeler knows, including those the committed template does not use yet
 * ({@code oneOf}, {@code isActive}): a template that starts using one must be judged right.
 */
class TemplateConditionsTest {

  private static final String TEMPLATE =
      """
      {"properties": [
        {"id": "kind", "type": "Dropdown", "value": "a",
         "binding": {"type": "zeebe:input", "name": "kind"}},
        {"id": "flag", "type": "Boolean", "value": false,
         "binding": {"type": "zeebe:input", "name": "flag"}},
        {"id": "count", "type": "Number", "value": 10,
         "binding": {"type": "zeebe:input", "name": "count"}},
        {"id": "forA", "binding": {"type": "zeebe:input", "name": "forA"},
         "condition": {"property": "kind", "equals": "a"}},
        {"id": "forAorB", "binding": {"type": "zeebe:input", "name": "forAorB"},
         "condition": {"property": "kind", "oneOf": ["a", "b"]}},
        {"id": "flagged", "binding": {"type": "zeebe:taskHeader", "key": "flagged"},
         "condition": {"property": "flag", "equals": true}},
        {"id": "ten", "binding": {"type": "zeebe:input", "name": "ten"},
         "condition": {"property": "count", "equals": 10}},
        {"id": "aAndFlagged", "binding": {"type": "zeebe:input", "name": "aAndFlagged"},
         "condition": {"allMatch": [
           {"property": "kind", "equals": "a"}, {"property": "flag", "equals": true}]}},
        {"id": "whenForA", "binding": {"type": "zeebe:input", "name": "whenForA"},
         "condition": {"property": "forA", "isActive": true}},
        {"id": "unlessForA", "binding": {"type": "zeebe:input", "name": "unlessForA"},
         "condition": {"property": "forA", "isActive": false}},
        {"id": "unlessMissing", "binding": {"type": "zeebe:input", "name": "unlessMissing"},
         "condition": {"property": "noSuchProperty", "isActive": false}}
      ]}
      """;

  private final ElementTemplate template = ElementTemplate.of(parse(TEMPLATE));
  private final TemplateConditions conditions = new TemplateConditions(template);

  @Test
  void equalsComparesTheTasksChoice() {
    assertThat(active("forA", Map.of("kind", "a"))).isEqualTo(Truth.YES);
    assertThat(active("forA", Map.of("kind", "b"))).isEqualTo(Truth.NO);
  }

  @Test
  void aChoiceLeftOutIsTheTemplatesDefault() {
    assertThat(active("forA", Map.of())).isEqualTo(Truth.YES);
    assertThat(active("flagged", Map.of())).isEqualTo(Truth.NO);
    assertThat(active("ten", Map.of())).isEqualTo(Truth.YES);
  }

  @Test
  void oneOfHoldsForAnyListedChoice() {
    assertThat(active("forAorB", Map.of("kind", "b"))).isEqualTo(Truth.YES);
    assertThat(active("forAorB", Map.of("kind", "c"))).isEqualTo(Truth.NO);
  }

  @Test
  void booleansAndNumbersAreComparedAsModelerWritesThem() {
    assertThat(active("flagged", Map.of("flag", "=true"))).isEqualTo(Truth.YES);
    assertThat(active("flagged", Map.of("flag", "=false"))).isEqualTo(Truth.NO);
    assertThat(active("ten", Map.of("count", "=10.0"))).isEqualTo(Truth.YES);
    assertThat(active("ten", Map.of("count", "=11"))).isEqualTo(Truth.NO);
  }

  @Test
  void aFeelChoiceIsDecidedOnlyAtRuntime() {
    assertThat(active("flagged", Map.of("flag", "=someVariable != null"))).isEqualTo(Truth.UNKNOWN);
    assertThat(active("forA", Map.of("kind", "=someVariable"))).isEqualTo(Truth.UNKNOWN);
    assertThat(active("flagged", Map.of("flag", "=x")).mayHold()).isTrue();
  }

  @Test
  void allMatchNeedsEveryPart() {
    assertThat(active("aAndFlagged", Map.of("flag", "=true"))).isEqualTo(Truth.YES);
    assertThat(active("aAndFlagged", Map.of("kind", "b", "flag", "=true"))).isEqualTo(Truth.NO);
    assertThat(active("aAndFlagged", Map.of("kind", "b", "flag", "=x"))).isEqualTo(Truth.NO);
    assertThat(active("aAndFlagged", Map.of("flag", "=x"))).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void isActiveFollowsTheOtherPropertysCondition() {
    assertThat(active("whenForA", Map.of("kind", "a"))).isEqualTo(Truth.YES);
    assertThat(active("whenForA", Map.of("kind", "b"))).isEqualTo(Truth.NO);
    assertThat(active("unlessForA", Map.of("kind", "a"))).isEqualTo(Truth.NO);
    assertThat(active("unlessForA", Map.of("kind", "b"))).isEqualTo(Truth.YES);
    assertThat(active("unlessForA", Map.of("kind", "=x"))).isEqualTo(Truth.UNKNOWN);
    assertThat(active("unlessMissing", Map.of())).isEqualTo(Truth.YES);
  }

  private Truth active(String propertyId, Map<String, String> inputs) {
    TemplatedTask task = new TemplatedTask("test", null, Map.of(), inputs, Map.of());
    return conditions.isActive(template.property(propertyId), task);
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
