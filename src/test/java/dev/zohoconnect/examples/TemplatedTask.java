package dev.zohoconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a connector task of an example carries where the element template writes: its task
 * definition's attributes, its inputs and its task headers, each as written in the file.
 *
 * @param where file and task id, for messages
 */
record TemplatedTask(
    String where,
    ServiceTask element,
    Map<String, String> taskDefinition,
    Map<String, String> inputs,
    Map<String, String> headers) {

  static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  static TemplatedTask read(String where, ServiceTask task) {
    return new TemplatedTask(
        where, task, taskDefinitionOf(task), inputsOf(where, task), headersOf(where, task));
  }

  /** An attribute Modeler writes on the task itself, such as {@code modelerTemplate}. */
  String zeebeAttribute(String name) {
    return element.getAttributeValueNs(ZEEBE_NS, name);
  }

  /** The value the task holds where {@code binding} writes, empty when it holds none. */
  Optional<String> valueAt(JsonNode binding) {
    String type = binding.path("type").asText();
    return Optional.ofNullable(
        switch (type) {
          case "zeebe:input" -> inputs.get(binding.path("name").asText());
          case "zeebe:taskHeader" -> headers.get(binding.path("key").asText());
          case "zeebe:taskDefinition" -> taskDefinition.get(binding.path("property").asText());
          case "zeebe:taskDefinition:type" -> taskDefinition.get("type");
          default -> throw new AssertionError("binding type not read by this test: " + binding);
        });
  }

  /**
   * The attributes as written: the model API would report a default retry count for a task
   * definition without one, which is exactly what must not pass for "written".
   */
  private static Map<String, String> taskDefinitionOf(ServiceTask task) {
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    Map<String, String> attributes = new LinkedHashMap<>();
    if (definition != null) {
      for (String name : new String[] {"type", "retries"}) {
        String value = definition.getAttributeValue(name);
        if (value != null) {
          attributes.put(name, value);
        }
      }
    }
    return attributes;
  }

  private static Map<String, String> inputsOf(String where, ServiceTask task) {
    ZeebeIoMapping ioMapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
    List<ZeebeInput> inputs = ioMapping == null ? List.of() : List.copyOf(ioMapping.getInputs());
    return byName(where, "input", inputs, ZeebeInput::getTarget, ZeebeInput::getSource);
  }

  private static Map<String, String> headersOf(String where, ServiceTask task) {
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    List<ZeebeHeader> headers =
        taskHeaders == null ? List.of() : List.copyOf(taskHeaders.getHeaders());
    return byName(where, "header", headers, ZeebeHeader::getKey, ZeebeHeader::getValue);
  }

  /** Name to value, in the file's order; a name written twice is a mistake Modeler never makes. */
  private static <T> Map<String, String> byName(
      String where,
      String kind,
      List<T> entries,
      Function<T, String> name,
      Function<T, String> value) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (T entry : entries) {
      assertThat(byName.put(name.apply(entry), value.apply(entry)))
          .as("%s: %s %s is written twice", where, kind, name.apply(entry))
          .isNull();
    }
    return byName;
  }
}
