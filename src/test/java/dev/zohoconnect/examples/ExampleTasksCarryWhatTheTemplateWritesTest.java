package dev.zohoconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each connector task of the examples carries everything Camunda Modeler writes when it applies the
 * template with the task's choices: every property that has a default value and whose condition
 * holds. A task without one opens in Modeler half filled (an empty API version dropdown, blank
 * timeouts), and a modeler who copies it starts from there.
 */
class ExampleTasksCarryWhatTheTemplateWritesTest {

  private static final ElementTemplate TEMPLATE = ElementTemplate.committed();
  private static final TemplateConditions CONDITIONS = new TemplateConditions(TEMPLATE);

  @TestFactory
  Stream<DynamicTest> everyConnectorTaskCarriesEveryDefaultTheTemplateWrites() {
    return ExampleConnectorTasks.eachTask(
        TEMPLATE, ExampleTasksCarryWhatTheTemplateWritesTest::assertCarriesEveryDefault);
  }

  private static void assertCarriesEveryDefault(TemplatedTask task) {
    List<String> missing = new ArrayList<>();
    for (JsonNode property : TEMPLATE.properties()) {
      JsonNode binding = property.path("binding");
      // The example may choose another value than the default, never leave the field empty.
      if (property.has("value")
          && CONDITIONS.isActive(property, task).mayHold()
          && task.valueAt(binding).filter(value -> !value.isBlank()).isEmpty()) {
        missing.add(
            ElementTemplate.label(property) + " " + binding + " default " + property.path("value"));
      }
    }
    assertThat(missing)
        .as("%s: written by the template for the task's choices, missing in the task", task.where())
        .isEmpty();
  }
}
