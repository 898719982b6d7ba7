package dev.zohoconnect.process.scenarios;

import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.process.CptEngineDriver;
import dev.zohoconnect.process.ProcessEngineDriver;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.DockerClientFactory;

/**
 * The scenarios on Camunda Process Test: a real Camunda 8.8 engine in CPT's {@code camunda/camunda}
 * container (Testcontainers), with Camunda's connector runtime running the connector found by SPI
 * in this JVM as job workers on CPT's client, so the connector reaches the Zoho emulator on
 * loopback.
 *
 * <p>Needs Docker: runs only with {@code mvn -B verify -Pcamunda-process-test} (Failsafe, which
 * sets {@code cpt.enabled=true}); the default build compiles it and leaves it out, and it stays
 * disabled when picked some other way (e.g. {@code -Dtest=...}) unless {@code -Dcpt.enabled=true}
 * is given. See docs/camunda-process-test.md.
 */
@EnabledIfSystemProperty(
    named = "cpt.enabled",
    matches = "true",
    disabledReason =
        "needs Docker; runs with mvn -B verify -Pcamunda-process-test"
            + " (docs/camunda-process-test.md)")
@ExtendWith(CptEngineScenariosIT.RequiresDocker.class) // before CPT's extension tries to start
class CptEngineScenariosIT extends CancelMeetingScenarios {

  /**
   * CPT's managed runtime. Its own connectors container stays off: the connector under test runs in
   * this JVM, in Camunda's runtime, like on the in-memory engine.
   */
  @RegisterExtension
  static final CamundaProcessTestExtension CAMUNDA =
      new CamundaProcessTestExtension().withConnectorsEnabled(false);

  /** Injected by CPT's extension before each test. */
  private CamundaProcessTestContext processTestContext;

  private CptEngineDriver driver;

  /** CPT purges the engine after every test (deployments included): deploy for each test. */
  @BeforeEach
  void startConnectorWorkersAndDeploy() {
    driver = CptEngineDriver.start(processTestContext, SECRETS);
    ExampleProcesses.deployAll(driver);
  }

  /** Runs before CPT closes its clients and purges the engine. */
  @AfterEach
  void stopConnectorWorkers() {
    if (driver != null) {
      driver.close();
    }
  }

  @Override
  protected ProcessEngineDriver driver() {
    return driver;
  }

  /**
   * CPT's own assertions see the same run as the driver; the variables of the caught error as
   * recorded at the worker are those the engine gave the boundary event.
   */
  @Test
  void cptAssertionsAgreeWithTheDriver() {
    String id = meetingIn(ZohoOrgState.nobodyInvited());

    long key = start(ExampleProcesses.ERROR_HANDLING, id, false);
    driver.awaitCompletion(key);

    CamundaAssert.assertThatProcessInstance(byKey(key))
        .isCompleted()
        .hasCompletedElements("Error_NOT_ALLOWED")
        .hasNotActivatedElements("MeetingCancelled")
        .hasLocalVariableNames("Error_NOT_ALLOWED", "zohoError")
        .hasNoActiveIncidents();
    ThrownError thrown = driver.thrownErrors(key).getLast();
    assertThat(thrown.errorCode()).isEqualTo("NOT_ALLOWED");
    @SuppressWarnings("unchecked")
    Map<String, Object> caught =
        (Map<String, Object>) driver.localVariables(key, "Error_NOT_ALLOWED").get("zohoError");
    assertThat(caught).isEqualTo(thrown.variables().get("zohoError"));
  }

  /** Fails the class with a pointer to the docs instead of Testcontainers' search for Docker. */
  static final class RequiresDocker implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        throw new IllegalStateException(
            "Camunda Process Test needs a Docker engine (it starts the camunda/camunda image with "
                + "Testcontainers) and none was found. Run this profile where Docker runs; the "
                + "default build runs the same scenarios on the in-memory engine. "
                + "See docs/camunda-process-test.md.");
      }
    }
  }
}
