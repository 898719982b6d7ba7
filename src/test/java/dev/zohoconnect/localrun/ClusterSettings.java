package dev.zohoconnect.localrun;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Connects to a Camunda 8 cluster with the standard client settings, read from the environment
 * under the names Camunda's Spring starter uses ({@code CAMUNDA_CLIENT_*}), so one set of variables
 * serves this run and a connector runtime alike.
 *
 * <ul>
 *   <li>SaaS: {@code CAMUNDA_CLIENT_MODE=saas}, {@code CAMUNDA_CLIENT_CLOUD_CLUSTER_ID}, {@code
 *       CAMUNDA_CLIENT_CLOUD_REGION}, {@code CAMUNDA_CLIENT_AUTH_CLIENT_ID}, {@code
 *       CAMUNDA_CLIENT_AUTH_CLIENT_SECRET}.
 *   <li>Self-Managed: {@code CAMUNDA_CLIENT_MODE=self-managed}, {@code
 *       CAMUNDA_CLIENT_GRPC_ADDRESS}, optionally {@code CAMUNDA_CLIENT_REST_ADDRESS} and, with
 *       Identity, {@code CAMUNDA_CLIENT_AUTH_CLIENT_ID}, {@code CAMUNDA_CLIENT_AUTH_CLIENT_SECRET},
 *       {@code CAMUNDA_CLIENT_AUTH_TOKEN_URL}, {@code CAMUNDA_CLIENT_AUTH_AUDIENCE}.
 * </ul>
 */
record ClusterSettings(Map<String, String> env) {

  static ClusterSettings fromEnvironment() {
    return new ClusterSettings(System.getenv());
  }

  boolean present() {
    return get("CAMUNDA_CLIENT_MODE").isPresent();
  }

  CamundaClient connect() {
    String mode = require("CAMUNDA_CLIENT_MODE");
    return switch (mode) {
      case "saas" ->
          CamundaClient.newCloudClientBuilder()
              .withClusterId(require("CAMUNDA_CLIENT_CLOUD_CLUSTER_ID"))
              .withClientId(require("CAMUNDA_CLIENT_AUTH_CLIENT_ID"))
              .withClientSecret(require("CAMUNDA_CLIENT_AUTH_CLIENT_SECRET"))
              .withRegion(get("CAMUNDA_CLIENT_CLOUD_REGION").orElse("bru-2"))
              .build();
      case "self-managed" -> selfManaged();
      default ->
          throw new IllegalArgumentException(
              "CAMUNDA_CLIENT_MODE must be saas or self-managed, not " + mode);
    };
  }

  private CamundaClient selfManaged() {
    var builder =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(URI.create(require("CAMUNDA_CLIENT_GRPC_ADDRESS")))
            .preferRestOverGrpc(false)
            .defaultJobWorkerStreamEnabled(false);
    get("CAMUNDA_CLIENT_REST_ADDRESS").map(URI::create).ifPresent(builder::restAddress);
    Optional<String> clientId = get("CAMUNDA_CLIENT_AUTH_CLIENT_ID");
    if (clientId.isPresent()) {
      builder.credentialsProvider(
          CredentialsProvider.newCredentialsProviderBuilder()
              .clientId(clientId.get())
              .clientSecret(require("CAMUNDA_CLIENT_AUTH_CLIENT_SECRET"))
              .authorizationServerUrl(require("CAMUNDA_CLIENT_AUTH_TOKEN_URL"))
              .audience(get("CAMUNDA_CLIENT_AUTH_AUDIENCE").orElse("zeebe-api"))
              .build());
    }
    return builder.build();
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }

  String require(String name) {
    return get(name).orElseThrow(() -> new IllegalArgumentException(name + " is not set"));
  }
}
