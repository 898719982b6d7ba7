package dev.zohoconnect.packaging;

import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.TemplateBoundTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the packaging proofs share: the jars {@code mvn package} built (paths handed over by
 * failsafe), the secrets the runtimes receive, and a process whose service task is bound exactly as
 * the element template binds it (inputs, headers, retries, default error expression).
 */
final class PackagedArtifacts {

  static final String PROCESS_ID = "packaging-cancel-meeting";
  static final String TASK_ID = "cancelMeeting";

  /** Secret name to value, as stored in a cluster or in the runtime's environment. */
  static final Map<String, String> SECRETS = TemplateBoundTask.EMULATOR_SECRETS;

  private PackagedArtifacts() {}

  static Path connectorJar() {
    return artifact("connector.jar");
  }

  static Path runtimeJar() {
    return artifact("runtime.jar");
  }

  static Path emulatorJar() {
    return artifact("emulator.jar");
  }

  private static Path artifact(String property) {
    String location = System.getProperty(property);
    if (location == null) {
      throw new IllegalStateException(
          "System property " + property + " not set: run with 'mvn verify' (failsafe sets it)");
    }
    Path path = Path.of(location);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " does not exist: 'mvn package' builds it");
    }
    return path;
  }

  /**
   * start -> Cancel Zoho Meeting (as the template writes it; the meeting id and the Zoho base URL
   * come from process variables {@code meetingId} and {@code zohoUrl}) -> end.
   */
  static BpmnModelInstance cancelMeetingProcess() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent("start")
        .serviceTask(
            TASK_ID,
            task ->
                TemplateBoundTask.on(task)
                    .meeting("meetingId", "false")
                    .refreshTokenFromSecrets()
                    .endpoints("true", "zohoUrl", "zohoUrl")
                    .templateHeaders()
                    .resultAndErrorHeaders())
        .endEvent("done")
        .done();
  }

  static Map<String, Object> variables(String meetingId, ZohoCrmEmulator zoho) {
    return Map.of("meetingId", meetingId, "zohoUrl", zoho.baseUrl());
  }
}
