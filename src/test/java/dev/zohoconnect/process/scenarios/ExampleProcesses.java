package dev.zohoconnect.process.scenarios;

import dev.zohoconnect.process.ProcessEngineDriver;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The processes in {@code bpmn-examples/}, as a modeler opens them in Camunda Modeler. */
public final class ExampleProcesses {

  public static final Path FOLDER = Path.of("bpmn-examples");

  /** Boundary events for every documented code, each leading to its own end. */
  public static final String ERROR_HANDLING = "cancel-zoho-meeting";

  /** Daily mail limit reached: cancel again without mail, then notify the owner. */
  public static final String MAIL_FALLBACK = "cancel-zoho-meeting-mail-fallback";

  /** "Already cancelled" counts as done. */
  public static final String IDEMPOTENT = "cancel-zoho-meeting-idempotent";

  private ExampleProcesses() {}

  public static List<Path> files() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deployAll(ProcessEngineDriver driver) {
    for (Path file : files()) {
      driver.deploy(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
    }
  }
}
