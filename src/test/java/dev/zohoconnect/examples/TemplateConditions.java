package dev.zohoconnect.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a template property's {@code condition} holds for a task's choices, the way Camunda
 * Modeler decides which properties a task shows and writes: {@code equals}, {@code oneOf}, {@code
 * isActive} and their conjunction {@code allMatch}.
 *
 * <p>A choice made by a FEEL expression (such as {@code endpoints.enabled = =zohoApiBaseUrl !=
 * null}) is known only when the engine evaluates it, so a condition on it is {@link Truth#UNKNOWN}:
 * the properties it governs may be needed and must be there.
 */
final class TemplateConditions {

  /** Three-valued, so that "decided at runtime" survives negation and conjunction. */
  enum Truth {
    YES,
    NO,
    UNKNOWN;

    static Truth of(boolean value) {
      return value ? YES : NO;
    }

    Truth and(Truth other) {
      if (this == NO || other == NO) {
        return NO;
      }
      return this == YES && other == YES ? YES : UNKNOWN;
    }

    Truth not() {
      return switch (this) {
        case YES -> NO;
        case NO -> YES;
        case UNKNOWN -> UNKNOWN;
      };
    }

    /** Whether Modeler may show the property, and so write it. */
    boolean mayHold() {
      return this != NO;
    }
  }

  private final ElementTemplate template;

  TemplateConditions(ElementTemplate template) {
    this.template = template;
  }

  /** Whether {@code property} is active for the task: no condition, or its condition holds. */
  Truth isActive(JsonNode property, TemplatedTask task) {
    JsonNode condition = property.path("condition");
    if (condition.isMissingNode()) {
      return Truth.YES;
    }
    if (condition.has("allMatch")) {
      Truth all = Truth.YES;
      for (JsonNode part : condition.path("allMatch")) {
        all = all.and(simpleCondition(part, task));
      }
      return all;
    }
    return simpleCondition(condition, task);
  }

  private Truth simpleCondition(JsonNode condition, TemplatedTask task) {
    Optional<JsonNode> subject = template.findProperty(condition.path("property").asText());
    if (condition.has("isActive")) {
      // Modeler: a condition on a property the template lacks holds only for isActive = false.
      Truth active = subject.map(p -> isActive(p, task)).orElse(Truth.NO);
      return condition.path("isActive").asBoolean() ? active : active.not();
    }
    if (subject.isEmpty()) {
      return Truth.NO;
    }
    Optional<String> choice = choice(subject.get(), task);
    if (choice.isEmpty()) {
      return Truth.UNKNOWN;
    }
    String type = subject.get().path("type").asText();
    if (condition.has("equals")) {
      return Truth.of(same(type, condition.path("equals"), choice.get()));
    }
    if (condition.has("oneOf")) {
      for (JsonNode option : condition.path("oneOf")) {
        if (same(type, option, choice.get())) {
          return Truth.YES;
        }
      }
      return Truth.NO;
    }
    throw new AssertionError("condition kind not supported by this test: " + condition);
  }

  /**
   * The literal the task chose for {@code subject}, or empty when a FEEL expression chooses at
   * runtime. A subject the task leaves out counts as the template's default, which is what Modeler
   * writes when it applies the template (without one: an empty field, an unchecked box).
   */
  private static Optional<String> choice(JsonNode subject, TemplatedTask task) {
    String type = subject.path("type").asText();
    String raw =
        task.valueAt(subject.path("binding"))
            .filter(value -> !value.isEmpty())
            .orElseGet(() -> subject.path("value").asText(type.equals("Boolean") ? "false" : ""));
    if (!raw.startsWith("=")) {
      return Optional.of(raw);
    }
    // Modeler writes a checked box as =true and a number as =10: literals all the same.
    String literal = raw.substring(1).strip();
    boolean literalBoolean = literal.equals("true") || literal.equals("false");
    if ((type.equals("Boolean") && literalBoolean)
        || (type.equals("Number") && isNumber(literal))) {
      return Optional.of(literal);
    }
    return Optional.empty();
  }

  private static boolean same(String type, JsonNode expected, String choice) {
    if (type.equals("Number") && isNumber(choice) && isNumber(expected.asText())) {
      return new BigDecimal(choice).compareTo(new BigDecimal(expected.asText())) == 0;
    }
    return expected.asText().equals(choice);
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
