package dev.zohoconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zohoconnect.process.scenarios.ExampleProcesses;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example processes in {@code bpmn-examples/} apply the committed element template the way
 * Camunda Modeler does, so they cannot drift from it: when the template changes (new version, a
 * renamed or new required input, another default error expression), this test names the example
 * task to update. {@link ExampleTasksCarryWhatTheTemplateWritesTest} checks that nothing the
 * template writes is missing.
 */
class ExampleProcessesConformToTemplateTest {

  /** Process ids the example files must keep: tests and documentation start them by these. */
  private static final Map<String, String> EXPECTED_PROCESSES =
      Map.of(
          "cancel-meeting-with-error-handling.bpmn", "cancel-zoho-meeting",
          "cancel-meeting-mail-fallback.bpmn", "cancel-zoho-meeting-mail-fallback",
          "cancel-meeting-idempotent.bpmn", "cancel-zoho-meeting-idempotent");

  private static final ElementTemplate TEMPLATE = ElementTemplate.committed();
  private static final TemplateConditions CONDITIONS = new TemplateConditions(TEMPLATE);

  @Test
  void theExpectedExamplesExistWithTheirProcessIds() {
    assertThat(ExampleProcesses.files())
        .extracting(file -> file.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(EXPECTED_PROCESSES.keySet());
    for (Path file : ExampleProcesses.files()) {
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
      assertThat(ExampleConnectorTasks.connectorTasks(model, TEMPLATE))
          .as(file + ": connector tasks")
          .isNotEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyConnectorTaskAppliesTheCommittedTemplate() {
    return ExampleConnectorTasks.eachTask(
        TEMPLATE, ExampleProcessesConformToTemplateTest::assertConformsToTemplate);
  }

  private static void assertConformsToTemplate(TemplatedTask task) {
    String where = task.where();

    // The template reference Modeler writes when the template is applied.
    assertThat(task.zeebeAttribute("modelerTemplate"))
        .as("%s: zeebe:modelerTemplate", where)
        .isEqualTo(TEMPLATE.id());
    assertThat(task.zeebeAttribute("modelerTemplateVersion"))
        .as("%s: zeebe:modelerTemplateVersion", where)
        .isEqualTo(TEMPLATE.version());
    assertThat(task.zeebeAttribute("modelerTemplateIcon"))
        .as("%s: zeebe:modelerTemplateIcon", where)
        .isEqualTo(TEMPLATE.iconContents());

    // Task definition: type and retries.
    assertThat(task.taskDefinition().get("type"))
        .as("%s: task type", where)
        .isEqualTo(TEMPLATE.bindingValue("zeebe:taskDefinition", "property", "type"));
    assertThat(task.taskDefinition().get("retries"))
        .as("%s: retries (template default)", where)
        .isEqualTo(TEMPLATE.bindingValue("zeebe:taskDefinition", "property", "retries"));

    Map<String, String> inputs = task.inputs();
    Map<String, String> headers = task.headers();

    // Nothing the template does not know: a renamed or removed input would be ignored silently.
    assertThat(inputs.keySet())
        .as("%s: every zeebe:input target is a zeebe:input binding of the template", where)
        .isSubsetOf(TEMPLATE.bindingNames("zeebe:input", "name"));
    assertThat(headers.keySet())
        .as("%s: every task header is a zeebe:taskHeader binding of the template", where)
        .isSubsetOf(TEMPLATE.bindingNames("zeebe:taskHeader", "key"));

    for (JsonNode property : TEMPLATE.properties()) {
      String type = property.path("binding").path("type").asText();
      boolean visible = CONDITIONS.isActive(property, task).mayHold();
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
              .as(
                  "%s: required input %s (%s) is missing",
                  where, name, ElementTemplate.label(property))
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
              .as("%s: header %s (%s) is missing", where, key, ElementTemplate.label(property))
              .isNotBlank();
        }
      }
    }

    // The default error expression turns every Zoho failure into a BPMN error with Zoho's code;
    // an example with an older or edited copy would teach the wrong handling.
    assertThat(headers.get("errorExpression"))
        .as("%s: errorExpression header must be the template's default, verbatim", where)
        .isEqualTo(TEMPLATE.property("errorExpression").path("value").asText());
  }

  /** Modeler's checks on a value: choices, notEmpty, pattern, and FEEL for typed inputs. */
  private static void assertValidValue(String where, JsonNode property, String name, String value) {
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
      Set<String> choices = new HashSet<>();
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
}
