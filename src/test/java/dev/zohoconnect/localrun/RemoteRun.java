package dev.zohoconnect.localrun;

import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.process.ConnectorJobWorkers;
import dev.zohoconnect.process.scenarios.ExampleProcesses;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local run against a real cluster and a real Zoho org: hosts this connector as job workers on
 * the cluster (secrets from the environment), deploys the example processes and cancels one real
 * meeting through {@code cancel-zoho-meeting}, printing what the process ended with.
 *
 * <p>Zoho settings: {@code ZOHO_CLIENT_ID}, {@code ZOHO_CLIENT_SECRET}, {@code ZOHO_REFRESH_TOKEN}
 * and {@code ZOHO_DATA_CENTER} (US, EU, IN, AU, JP, CA, CN, SA; default US), or {@code
 * ZOHO_API_BASE_URL} with {@code ZOHO_ACCOUNTS_URL} for a sandbox, developer org or the emulator.
 */
final class RemoteRun {

  private static final List<String> SECRET_NAMES =
      List.of("ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN");

  private RemoteRun() {}

  /** Returns the exit code: 0 when the meeting ended cancelled. */
  static int run(ClusterSettings settings, String meetingId, boolean sendMail, PrintStream out) {
    Map<String, String> secrets = new HashMap<>();
    SECRET_NAMES.forEach(name -> secrets.put(name, settings.require(name)));
    try (CamundaClient client = settings.connect();
        ConnectorJobWorkers workers =
            ConnectorJobWorkers.builder()
                .secrets(secrets)
                .pollInterval(Duration.ofMillis(200))
                .open(client)) {
      for (Path file : ExampleProcesses.files()) {
        client.newDeployResourceCommand().addResourceFile(file.toString()).send().join();
      }
      out.printf(
          "Deployed %s; connector workers for %s%n",
          ExampleProcesses.files(), workers.connectorTypes());
      ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(ExampleProcesses.ERROR_HANDLING)
              .latestVersion()
              .variables(variables(settings, meetingId, sendMail))
              .withResult()
              .requestTimeout(Duration.ofMinutes(5))
              .send()
              .join();
      Map<String, Object> ended = result.getVariablesAsMap();
      out.printf("Process instance %d completed.%n", result.getProcessInstanceKey());
      if (ended.containsKey("zohoError")) {
        out.printf("Zoho refused: %s%n", ended.get("zohoError"));
        return 1;
      }
      out.printf("Result: %s%n", ended.get("cancellation"));
      return 0;
    }
  }

  private static Map<String, Object> variables(
      ClusterSettings settings, String meetingId, boolean sendMail) {
    Map<String, Object> vars = new HashMap<>(Map.of("meetingId", meetingId, "sendMail", sendMail));
    // The example's data center is US; another one is reached through the endpoint override,
    // which the example switches on when these variables are present.
    var apiBase = settings.get("ZOHO_API_BASE_URL");
    var dataCenter = DataCenter.valueOf(settings.get("ZOHO_DATA_CENTER").orElse("US"));
    if (apiBase.isPresent() || dataCenter != DataCenter.US) {
      vars.put("zohoApiBaseUrl", apiBase.orElse(dataCenter.apiDomain().toString()));
      vars.put(
          "zohoAccountsUrl",
          settings.get("ZOHO_ACCOUNTS_URL").orElse(dataCenter.accountsUrl().toString()));
    }
    return vars;
  }
}
