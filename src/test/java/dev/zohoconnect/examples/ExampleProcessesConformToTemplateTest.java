package dev.zohoconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example processes in {@code bpmn-examples/} apply the committed element template the way
 * Camunda Modeler does, so they cannot drift from it: when the template changes (new version, a
 * renamed or new required input, another default error expression), this test names the example
 * task to update.
 */
class ExampleProcessesConformToTemplateTest {

  private static final Path EXAMPLES = Path.of("bpmn-examples");
  private static final Path TEMPLATE = Path.of("element-templates/cancel-zoho-meeting.json");
  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  /** Process ids the example files must keep: tests and documentation start them by these. */
  private static final Map<String, String> EXPECTED_PROCESSES =
      Map.of(
          "cancel-meeting-with-error-handling.bpmn", "cancel-zoho-meeting",
          "cancel-meeting-mail-fallback.bpmn", "cancel-zoho-meeting-mail-fallback",
          "cancel-meeting-idempotent.bpmn", "cancel-zoho-meeting-idempotent");

  private static final JsonNode TEMPLATE_JSON = readTemplate();

  @Test
  void theExpectedExamplesExistWithTheirProcessIds() throws IOException {
    assertThat(exampleFiles())
        .extracting(file -> file.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(EXPECTED_PROCESSES.keySet());
    for (Path file : exampleFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      assertThat(model.getModelElementsByType(Process.class))
          .as(file + ": one executable process with the documented id")
          .singleElement()
          .satisfies(
              process -> {
                assertThat(process.getId())
                    .isEqualTo(EXPECTED_PROCESSES.get(file.getFileName().toString()));
                assertThat(process.isExecutable()).isTrue();
              });
      assertThat(connectorTasks(model)).as(file + ": connector tasks").isNotEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyConnectorTaskAppliesTheCommittedTemplate() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : exampleFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : connectorTasks(model)) {
        tests.add(
            dynamicTest(
                file.getFileName() + " " + task.getId(),
                () -> assertConformsToTemplate(file.getFileName() + "#" + task.getId(), task)));
      }
    }
    return tests.stream();
  }

  private static void assertConformsToTemplate(String where, ServiceTask task) {
    String templateId = TEMPLATE_JSON.path("id").asText();
    String templateVersion = TEMPLATE_JSON.path("version").asText();

    // The template reference Modeler writes when the template is applied.
    assertThat(task.getAttributeValueNs(ZEEBE_NS, "modelerTemplate"))
        .as("%s: zeebe:modelerTemplate", where)
        .isEqualTo(templateId);
    assertThat(task.getAttributeValueNs(ZEEBE_NS, "modelerTemplateVersion"))
        .as("%s: zeebe:modelerTemplateVersion", where)
        .isEqualTo(templateVersion);
    assertThat(task.getAttributeValueNs(ZEEBE_NS, "modelerTemplateIcon"))
        .as("%s: zeebe:modelerTemplateIcon", where)
        .isEqualTo(TEMPLATE_JSON.path("icon").path("contents").asText());

    // Task definition: type and retries.
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    assertThat(definition).as("%s: zeebe:taskDefinition", where).isNotNull();
    assertThat(definition.getType())
        .as("%s: task type", where)
        .isEqualTo(bindingValue("zeebe:taskDefinition", "property", "type"));
    assertThat(definition.getRetries())
        .as("%s: retries (template default)", where)
        .isEqualTo(bindingValue("zeebe:taskDefinition", "property", "retries"));

    Map<String, String> inputs = inputsOf(where, task);
    Map<String, String> headers = headersOf(where, task);

    // Nothing the template does not know: a renamed or removed input would be ignored silently.
    assertThat(inputs.keySet())
        .as("%s: every zeebe:input target is a zeebe:input binding of the template", where)
        .isSubsetOf(bindingNames("zeebe:input", "name"));
    assertThat(headers.keySet())
        .as("%s: every task header is a zeebe:taskHeader binding of the template", where)
        .isSubsetOf(bindingNames("zeebe:taskHeader", "key"));

    for (JsonNode property : TEMPLATE_JSON.path("properties")) {
      String type = property.path("binding").path("type").asText();
      boolean visible = isVisible(property, inputs, headers);
      if (type.equals("zeebe:input")) {
        String name = property.path("binding").path("name").asText();
        String value = inputs.get(name);
        if (!visible) {
          assertThat(value)
              .as("%s: input %s is hidden by its condition; Modeler would remove it", where, name)
              .isNull();
          continue;
        }
        if (!property.path("optional").asBoolean(false)) {
          assertThat(value)
              .as("%s: required input %s (%s) is missing", where, name, label(property))
              .isNotNull();
        }
        if (value != null) {
          assertValidValue(where, property, name, value);
        }
      } else if (type.equals("zeebe:taskHeader")) {
        String key = property.path("binding").path("key").asText();
        String value = headers.get(key);
        if (property.path("type").asText().equals("Hidden")) {
          assertThat(value)
              .as("%s: header %s must carry the template's fixed value", where, key)
              .isEqualTo(property.path("value").asText());
        } else if (property.has("value") && !property.path("optional").asBoolean(false)) {
          assertThat(value)
              .as("%s: header %s (%s) is missing", where, key, label(property))
              .isNotBlank();
        }
      }
    }

    // The default error expression turns every Zoho failure into a BPMN error with Zoho's code;
    // an example with an older or edited copy would teach the wrong handling.
    assertThat(headers.get("errorExpression"))
        .as("%s: errorExpression header must be the template's default, verbatim", where)
        .isEqualTo(templateProperty("errorExpression").path("value").asText());
  }

  /** Modeler's checks on a value: choices, notEmpty, pattern, and FEEL for typed inputs. */
  private static void assertValidValue(
      String where, JsonNode property, String name, String value) {
    String type = property.path("type").asText();
    boolean feel = value.startsWith("=") && property.has("feel");
    JsonNode constraints = property.path("constraints");
    if (constraints.path("notEmpty").asBoolean(false)) {
      assertThat(value).as("%s: input %s must not be empty", where, name).isNotBlank();
    }
    if (constraints.has("pattern") && !feel) {
      String pattern = constraints.path("pattern").path("value").asText();
      assertThat(Pattern.compile(pattern).matcher(value).matches())
          .as("%s: input %s = '%s' violates the template's pattern %s", where, name, value, pattern)
          .isTrue();
    }
    if (type.equals("Dropdown")) {
      Set<String> choices = new java.util.HashSet<>();
      property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
      assertThat(value).as("%s: input %s must be one of the choices", where, name).isIn(choices);
    }
    if (type.equals("Boolean") || type.equals("Number")) {
      // Modeler writes these as FEEL (=true, =10): a bare "true" would reach the connector as a
      // string and be rejected.
      assertThat(value)
          .as("%s: %s input %s must be a FEEL expression such as =true", where, type, name)
          .startsWith("=");
    }
  }

  // Conditions -----------------------------------------------------------------------------------

  private static boolean isVisible(
      JsonNode property, Map<String, String> inputs, Map<String, String> headers) {
    JsonNode condition = property.path("condition");
    if (condition.isMissingNode()) {
      return true;
    }
    if (condition.has("allMatch")) {
      for (JsonNode part : condition.path("allMatch")) {
        if (!simpleConditionMayHold(part, inputs, headers)) {
          return false;
        }
      }
      return true;
    }
    return simpleConditionMayHold(condition, inputs, headers);
  }

  /**
   * Whether a simple condition holds for the task's values. A FEEL expression is decided only at
   * runtime, so it may hold either way: the properties it governs must then be present (for
   * example the custom endpoints behind {@code endpoints.enabled = =zohoApiBaseUrl != null}).
   */
  private static boolean simpleConditionMayHold(
      JsonNode condition, Map<String, String> inputs, Map<String, String> headers) {
    JsonNode subject = templateProperty(condition.path("property").asText());
    Optional<String> literal = literalValue(subject, inputs, headers);
    if (literal.isEmpty()) {
      return true;
    }
    if (condition.has("equals")) {
      return condition.path("equals").asText().equals(literal.get());
    }
    if (condition.has("oneOf")) {
      for (JsonNode option : condition.path("oneOf")) {
        if (option.asText().equals(literal.get())) {
          return true;
        }
      }
      return false;
    }
    throw new AssertionError("condition kind not supported by this test: " + condition);
  }

  /** The value a condition compares, or empty when it is a FEEL expression known only at runtime. */
  private static Optional<String> literalValue(
      JsonNode property, Map<String, String> inputs, Map<String, String> headers) {
    JsonNode binding = property.path("binding");
    String raw =
        switch (binding.path("type").asText()) {
          case "zeebe:input" -> inputs.get(binding.path("name").asText());
          case "zeebe:taskHeader" -> headers.get(binding.path("key").asText());
          default -> null;
        };
    boolean bool = property.path("type").asText().equals("Boolean");
    if (raw == null || raw.isEmpty()) {
      // Absent: Modeler shows an unchecked box for a Boolean and an empty field otherwise.
      return Optional.of(bool ? "false" : "");
    }
    if (bool && (raw.equals("=true") || raw.equals("=false"))) {
      return Optional.of(raw.substring(1));
    }
    if (raw.startsWith("=")) {
      return Optional.empty();
    }
    return Optional.of(raw);
  }

  // Reading the model and the template -----------------------------------------------------------

  private static List<Path> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /**
   * Tasks that use this connector: those that reference the template and those that only carry its
   * task type (a template removed by hand is exactly the drift this test exists for).
   */
  private static List<ServiceTask> connectorTasks(BpmnModelInstance model) {
    String templateId = TEMPLATE_JSON.path("id").asText();
    String type = bindingValue("zeebe:taskDefinition", "property", "type");
    return model.getModelElementsByType(ServiceTask.class).stream()
        .filter(
            task -> {
              ZeebeTaskDefinition definition =
                  task.getSingleExtensionElement(ZeebeTaskDefinition.class);
              String template = task.getAttributeValueNs(ZEEBE_NS, "modelerTemplate");
              return (template != null && template.startsWith(templateId.replaceAll("\\.v\\d+$", "")))
                  || (definition != null && type.equals(definition.getType()));
            })
        .toList();
  }

  private static Map<String, String> inputsOf(String where, ServiceTask task) {
    ZeebeIoMapping ioMapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
    Map<String, String> inputs = new LinkedHashMap<>();
    if (ioMapping != null) {
      for (ZeebeInput input : ioMapping.getInputs()) {
        assertThat(inputs.put(input.getTarget(), input.getSource()))
            .as("%s: input %s is mapped twice", where, input.getTarget())
            .isNull();
      }
    }
    return inputs;
  }

  private static Map<String, String> headersOf(String where, ServiceTask task) {
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    Map<String, String> headers = new LinkedHashMap<>();
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        assertThat(headers.put(header.getKey(), header.getValue()))
            .as("%s: header %s is set twice", where, header.getKey())
            .isNull();
      }
    }
    return headers;
  }

  private static JsonNode readTemplate() {
    try {
      return new ObjectMapper().readTree(TEMPLATE.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + TEMPLATE, e);
    }
  }

  private static JsonNode templateProperty(String id) {
    for (JsonNode property : TEMPLATE_JSON.path("properties")) {
      if (id.equals(property.path("id").asText())) {
        return property;
      }
    }
    throw new AssertionError("the template has no property " + id);
  }

  private static String bindingValue(String bindingType, String attribute, String attributeValue) {
    for (JsonNode property : TEMPLATE_JSON.path("properties")) {
      JsonNode binding = property.path("binding");
      if (bindingType.equals(binding.path("type").asText())
          && attributeValue.equals(binding.path(attribute).asText())) {
        return property.path("value").asText();
      }
    }
    throw new AssertionError("the template has no " + bindingType + " " + attributeValue);
  }

  private static Set<String> bindingNames(String bindingType, String attribute) {
    List<String> names = new ArrayList<>();
    for (JsonNode property : TEMPLATE_JSON.path("properties")) {
      JsonNode binding = property.path("binding");
      if (bindingType.equals(binding.path("type").asText())) {
        names.add(binding.path(attribute).asText());
      }
    }
    return names.stream().collect(Collectors.toUnmodifiableSet());
  }

  private static String label(JsonNode property) {
    return property.path("label").asText(property.path("id").asText());
  }
}
