package dev.zohoconnect.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** What a test sends an engine through a {@link CamundaClient}: deployments, instances. */
public record ProcessCommands(CamundaClient client) {

  /** Deploys BPMN/DMN/form files in one deployment. */
  public void deploy(Path... files) {
    deployAll(Arrays.asList(files), (command, file) -> command.addResourceFile(file.toString()));
  }

  /** Deploys BPMN/DMN/form resources from the test classpath in one deployment. */
  public void deployResource(String... classpathResources) {
    deployAll(
        Arrays.asList(classpathResources), DeployResourceCommandStep1::addResourceFromClasspath);
  }

  /** Deploys a model built with {@code io.camunda.zeebe.model.bpmn.Bpmn}. */
  public void deploy(String resourceName, BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, resourceName).send().join();
  }

  /** Starts the latest version of a process; returns the process instance key. */
  public long startInstance(String bpmnProcessId, Map<String, ?> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(bpmnProcessId)
        .latestVersion()
        .variables(new LinkedHashMap<>(variables))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  public void cancelInstance(long processInstanceKey) {
    client.newCancelInstanceCommand(processInstanceKey).send().join();
  }

  private <T> void deployAll(
      List<T> resources,
      BiFunction<DeployResourceCommandStep1, T, DeployResourceCommandStep2> add) {
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("nothing to deploy");
    }
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 withResources = null;
    for (T resource : resources) {
      withResources = add.apply(command, resource);
      command = withResources;
    }
    withResources.send().join();
  }
}
