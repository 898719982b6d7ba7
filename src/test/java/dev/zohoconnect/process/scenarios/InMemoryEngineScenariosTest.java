package dev.zohoconnect.process.scenarios;

import dev.zohoconnect.process.InMemoryZeebeDriver;
import dev.zohoconnect.process.ProcessEngineDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scenarios on Zeebe's in-memory engine, with Camunda's connector runtime executing the
 * connector found by SPI: no mock of the runtime, the job handler or the engine.
 */
class InMemoryEngineScenariosTest extends CancelMeetingScenarios {

  private static InMemoryZeebeDriver driver;

  @BeforeAll
  static void startEngine() {
    driver = InMemoryZeebeDriver.start(SECRETS);
    ExampleProcesses.deployAll(driver);
  }

  @AfterAll
  static void stopEngine() {
    if (driver != null) {
      driver.close();
    }
  }

  @Override
  protected ProcessEngineDriver driver() {
    return driver;
  }
}
