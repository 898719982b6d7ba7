package dev.zohoconnect.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.error.ErrorCode;
import dev.zohoconnect.process.scenarios.ExampleProcesses;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example processes' error boundary events catch codes the connector raises, and an example
 * that claims to handle every business error does: each failure the connector never retries has a
 * boundary event, or the process's documentation names it as left to an incident.
 */
class ExampleErrorBoundaryEventsTest {

  private static final String EVERY_BUSINESS_ERROR = "every business error";

  /** Begins the sentence of a process's documentation that names the codes it leaves uncaught. */
  private static final String LEFT_TO_INCIDENTS = "Left to incidents:";

  private static final Pattern CODE_LIKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  static List<Path> examples() {
    return ExampleProcesses.files();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyCaughtCodeIsOneTheConnectorRaises(Path example) {
    assertThat(caughtCodes(model(example)))
        .as("%s catches codes the connector does not raise (see ErrorCode)", example)
        .allMatch(code -> ErrorCode.of(code).isPresent());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void anExampleClaimingEveryBusinessErrorHandlesEach(Path example) {
    BpmnModelInstance model = model(example);
    String documentation = processDocumentation(model);
    if (!documentation.contains(EVERY_BUSINESS_ERROR)) {
      return;
    }
    Set<String> caught = caughtCodes(model);
    Set<String> namedAsLeftUncaught =
        codesNamedIn(sentenceStarting(LEFT_TO_INCIDENTS, documentation));
    assertThat(namedAsLeftUncaught)
        .as("%s names codes the connector does not raise, or catches, as left uncaught", example)
        .allMatch(code -> ErrorCode.of(code).isPresent() && !caught.contains(code));
    Set<String> unhandled = businessCodes();
    unhandled.removeAll(caught);
    unhandled.removeAll(namedAsLeftUncaught);
    assertThat(unhandled)
        .as(
            "%s claims to handle %s: give each of these a boundary event, or name it in the"
                + " process documentation's sentence '%s ...'",
            example, EVERY_BUSINESS_ERROR, LEFT_TO_INCIDENTS)
        .isEmpty();
  }

  /** The error-handling example makes the claim, so the check above cannot silently stop. */
  @Test
  void theErrorHandlingExampleClaimsEveryBusinessError() {
    Path example = ExampleProcesses.FOLDER.resolve("cancel-meeting-with-error-handling.bpmn");
    assertThat(processDocumentation(model(example))).contains(EVERY_BUSINESS_ERROR);
  }

  private static Set<String> businessCodes() {
    return Arrays.stream(ErrorCode.values())
        .filter(row -> !row.retry().isTransient())
        .map(ErrorCode::code)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> caughtCodes(BpmnModelInstance model) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .flatMap(event -> event.getEventDefinitions().stream())
        .filter(ErrorEventDefinition.class::isInstance)
        .map(ErrorEventDefinition.class::cast)
        .map(ErrorEventDefinition::getError)
        .map(error -> error == null ? "(catch-all)" : error.getErrorCode())
        .collect(Collectors.toSet());
  }

  private static Set<String> codesNamedIn(String text) {
    return CODE_LIKE.matcher(text).results().map(MatchResult::group).collect(Collectors.toSet());
  }

  /** The sentence of {@code text} that begins with {@code start}; empty when there is none. */
  private static String sentenceStarting(String start, String text) {
    int begin = text.indexOf(start);
    if (begin < 0) {
      return "";
    }
    int end = text.indexOf(". ", begin);
    return end < 0 ? text.substring(begin) : text.substring(begin, end);
  }

  private static String processDocumentation(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream()
        .map(ExampleErrorBoundaryEventsTest::documentation)
        .collect(Collectors.joining(" "));
  }

  private static String documentation(BaseElement element) {
    return element.getDocumentations().stream()
        .map(Documentation::getTextContent)
        .collect(Collectors.joining(" "));
  }

  private static BpmnModelInstance model(Path example) {
    return Bpmn.readModelFromFile(example.toFile());
  }
}
