package dev.zohoconnect.examples;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.zohoconnect.process.scenarios.ExampleProcesses;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** The tasks of the example processes ({@link ExampleProcesses}) that use this connector. */
final class ExampleConnectorTasks {

  /** A check of one connector task that may fail with an assertion. */
  @FunctionalInterface
  interface TaskCheck {
    void check(TemplatedTask task) throws Throwable;
  }

  private ExampleConnectorTasks() {}

  /** One dynamic test per connector task of every example, named by file and task id. */
  static Stream<DynamicTest> eachTask(ElementTemplate template, TaskCheck check) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : ExampleProcesses.files()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : connectorTasks(model, template)) {
        String where = file.getFileName() + "#" + task.getId();
        tests.add(
            dynamicTest(
                file.getFileName() + " " + task.getId(),
                () -> check.check(TemplatedTask.read(where, task))));
      }
    }
    return tests.stream();
  }

  /**
   * Tasks that use this connector: those that reference the template and those that only carry its
   * task type (a template removed by hand is exactly the drift these checks exist for).
   */
  static List<ServiceTask> connectorTasks(BpmnModelInstance model, ElementTemplate template) {
    String templateFamily = template.id().replaceAll("\\.v\\d+$", "");
    String type = template.bindingValue("zeebe:taskDefinition", "property", "type");
    return model.getModelElementsByType(ServiceTask.class).stream()
        .filter(
            task -> {
              ZeebeTaskDefinition definition =
                  task.getSingleExtensionElement(ZeebeTaskDefinition.class);
              String reference =
                  task.getAttributeValueNs(TemplatedTask.ZEEBE_NS, "modelerTemplate");
              return (reference != null && reference.startsWith(templateFamily))
                  || (definition != null && type.equals(definition.getType()));
            })
        .toList();
  }
}
