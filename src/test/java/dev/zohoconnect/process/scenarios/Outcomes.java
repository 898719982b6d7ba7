package dev.zohoconnect.process.scenarios;

import dev.zohoconnect.process.ProcessEngineDriver;
import dev.zohoconnect.process.ProcessEngineDriver.Incident;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import dev.zohoconnect.process.ProcessEngineDriver.ThrownError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs an instance to its end, moving the engine clock over job retry backoffs. */
public final class Outcomes {

  /** How an instance ended, as Operate would show it. */
  public record Outcome(
      boolean completed,
      List<String> passed,
      List<String> boundaryEvents,
      List<ThrownError> errors,
      Incident incident,
      List<JobFailure> jobFailures) {

    public String caughtErrorCode() {
      return boundaryEvents.isEmpty() || errors.isEmpty() ? null : errors.getLast().errorCode();
    }

    /** The last element the instance passed: its end event when completed. */
    public String endElement() {
      return passed.isEmpty() ? null : passed.getLast();
    }
  }

  private Outcomes() {}

  /**
   * Waits until the instance completes or has an incident. Each job failure's retry backoff is
   * skipped on the engine clock, so a scenario with retries takes seconds, not minutes.
   */
  public static Outcome awaitEnd(ProcessEngineDriver driver, long key, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int failuresSeen = 0;
    while (Instant.now().isBefore(deadline)) {
      if (driver.isCompleted(key) || !driver.incidents(key).isEmpty()) {
        return outcome(driver, key);
      }
      List<JobFailure> failures = driver.jobFailures(key);
      if (failures.size() > failuresSeen) {
        failuresSeen = failures.size();
        driver.increaseTime(failures.getLast().retryBackoff());
      }
      pause();
    }
    throw new AssertionError(
        "instance did not end within " + timeout + ":\n" + driver.describe(key));
  }

  private static Outcome outcome(ProcessEngineDriver driver, long key) {
    List<Incident> incidents = driver.incidents(key);
    return new Outcome(
        driver.isCompleted(key),
        driver.completedElements(key),
        driver.takenBoundaryEvents(key),
        driver.thrownErrors(key),
        incidents.isEmpty() ? null : incidents.getFirst(),
        driver.jobFailures(key));
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
