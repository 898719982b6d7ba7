package dev.zohoconnect.benchmark;

import dev.zohoconnect.process.ConnectorRuntimeHarness;
import io.camunda.client.CamundaClient;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A cluster in one JVM: one in-memory engine and several of Camunda's connector runtimes attached
 * to it, each with its own job workers, threads and connector instances (so its own token cache and
 * connection pool), as replicas of a runtime deployment are. All of them poll the same job types;
 * the engine hands each job to whichever asks first.
 */
final class RuntimeFleet implements AutoCloseable {

  /**
   * @param runtimes connector runtimes attached to the engine
   * @param threads job-handler threads per runtime
   * @param maxJobsActive jobs a runtime holds at once
   * @param pollInterval how often an idle runtime asks for jobs
   * @param jobTimeout how long a job stays with a runtime; long, so that skipping time never takes
   *     a job away from a runtime that still works on it
   */
  record Shape(
      int runtimes, int threads, int maxJobsActive, Duration pollInterval, Duration jobTimeout) {}

  private final Shape shape;
  private final Map<String, String> secrets;
  private final IntFunction<List<OutboundConnectorFunction>> connectorsOfRuntime;
  private final ConnectorActivity activity;
  private final ConnectorRuntimeHarness engineOwner;
  private final List<ConnectorRuntimeHarness> runtimes = new ArrayList<>();

  /**
   * @param connectorsOfRuntime the connector instances runtime number {@code i} hosts, made afresh
   *     for every start
   */
  RuntimeFleet(
      Shape shape,
      Map<String, String> secrets,
      IntFunction<List<OutboundConnectorFunction>> connectorsOfRuntime,
      ConnectorActivity activity) {
    this.shape = shape;
    this.secrets = Map.copyOf(secrets);
    this.connectorsOfRuntime = connectorsOfRuntime;
    this.activity = activity;
    // Hosts the engine and the client that deploys and starts instances; no connector of its own.
    engineOwner = ConnectorRuntimeHarness.engineOnly();
    try {
      startRuntimes();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The client of the engine's owner: deploys and creates instances, runs no jobs. */
  CamundaClient client() {
    return engineOwner.client();
  }

  ConnectorActivity activity() {
    return activity;
  }

  ZeebeTestEngine engine() {
    return engineOwner.engine();
  }

  void deploy(String resourceName, BpmnModelInstance model) {
    engineOwner.deploy(resourceName, model);
  }

  /**
   * Stops every runtime and starts them all again with new connector instances: a restart wave,
   * every token cache cold at once. Jobs a runtime held stay with it until their timeout, so call
   * this only while no job is running.
   */
  void restart() {
    closeRuntimes();
    startRuntimes();
  }

  private void startRuntimes() {
    for (int i = 0; i < shape.runtimes(); i++) {
      ConnectorRuntimeHarness.Builder runtime =
          ConnectorRuntimeHarness.builder()
              .engine(engineOwner.engine())
              .discoverConnectors(false)
              .secrets(secrets)
              .workerThreads(shape.threads())
              .maxJobsActive(shape.maxJobsActive())
              .pollInterval(shape.pollInterval())
              .jobTimeout(shape.jobTimeout())
              .requestTimeout(Duration.ofSeconds(30))
              .onJobFailed(activity::jobFailed);
      for (OutboundConnectorFunction connector : connectorsOfRuntime.apply(i)) {
        runtime.connector(connector.getClass(), activity.observe(i, connector));
      }
      runtimes.add(runtime.start());
    }
  }

  private void closeRuntimes() {
    for (ConnectorRuntimeHarness runtime : runtimes) {
      runtime.close();
    }
    runtimes.clear();
  }

  @Override
  public void close() {
    closeRuntimes();
    engineOwner.close();
  }
}
