package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.support.MutableClock;
import dev.zohoconnect.cancelmeeting.support.RecordingSleeper;
import dev.zohoconnect.cancelmeeting.support.TestConnectors;
import dev.zohoconnect.emulator.Endpoint;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import dev.zohoconnect.process.ProcessEngineDriver.Incident;
import dev.zohoconnect.process.ProcessEngineDriver.JobFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input as the engine produces it: the FEEL a modeler writes in the template's fields,
 * evaluated by the engine, bound by the runtime. Each ends in an incident at once (no retries, no
 * BPMN error a boundary event could swallow) whose message names the field and what is expected,
 * and nothing is sent to Zoho, not even a token request.
 */
class BadInputThroughTheRuntimeTest {

  private static final AtomicInteger PROCESSES = new AtomicInteger();
  private static ZohoCrmEmulator zoho;
  private static InMemoryZeebeDriver driver;

  @BeforeAll
  static void start() {
    zoho = ZohoCrmEmulator.start();
    // A runtime whose operator allows the emulator (on loopback, any port) and nothing else.
    driver =
        InMemoryZeebeDriver.owning(
            CancelProcess.runtime(
                    CancelProcess.connector(
                        TestConnectors.allowing("http://127.0.0.1"),
                        new MutableClock(Instant.now()),
                        new RecordingSleeper(),
                        1))
                .start());
  }

  @AfterAll
  static void stop() {
    driver.close();
    zoho.close();
  }

  @BeforeEach
  void resetCounters() {
    zoho.counters().reset();
  }

  @ParameterizedTest(name = "meeting id ={0}")
  @ValueSource(
      strings = {
        "null",
        "missingVariable",
        "98765432109876543210",
        "-5",
        "0",
        "1.5",
        "\"\"",
        "\"   \"",
        "\"1/../../Leads/2\"",
        "\"1?x=\"",
        "\"%2e%2e\"",
        "\"١٢٣٤\"",
        "\"12345678901234567890\"",
        "[\"1\", \"2\"]",
        "{id: 1}"
      })
  void aMeetingIdThatIsNoZohoRecordIdIsAnIncidentAtOnce(String feel) {
    Incident incident = run(feel, "false", Map.of());

    assertThat(incident.errorMessage()).contains("meetingId");
  }

  @ParameterizedTest(name = "mail flag ={0}")
  @ValueSource(strings = {"\"true\"", "\"false\"", "1", "0", "null", "\"yes\"", "[true]"})
  void aMailFlagThatIsNotABooleanIsAnIncidentAtOnce(String feel) {
    Incident incident = run("\"4876876000001563018\"", feel, Map.of());

    assertThat(incident.errorMessage()).contains("sendCancellingMail");
  }

  @ParameterizedTest(name = "API base URL {0}")
  @ValueSource(
      strings = {
        "http://zoho.example.com",
        "https://user:secret@sandbox.zohoapis.com",
        "https://sandbox.zohoapis.com/crm/v7",
        "ftp://127.0.0.1"
      })
  void anApiBaseUrlThatCouldLeakTheTokenIsAnIncidentAtOnce(String url) {
    Incident incident = run("\"4876876000001563018\"", "false", Map.of("zohoApiBaseUrl", url));

    assertThat(incident.errorMessage()).contains("endpoints.apiBaseUrl").doesNotContain("secret");
  }

  /**
   * Whoever can set a process variable chooses among the origins the runtime allows, and cannot add
   * one: a URL elsewhere ends the job before any call, the token request included, and the incident
   * names the field, the origin and the setting an operator would change.
   */
  @ParameterizedTest(name = "{0} from a process variable")
  @ValueSource(strings = {"apiBaseUrl", "accountsUrl"})
  void aUrlTheRuntimeDoesNotAllowIsAnIncidentAtOnce(String field) {
    String elsewhere = "https://zoho-collector.invalid:8443";
    Map<String, Object> overrides =
        field.equals("apiBaseUrl")
            ? Map.of("zohoApiBaseUrl", elsewhere)
            : Map.of("zohoAccountsUrl", elsewhere);

    Incident incident = run("\"4876876000001563018\"", "false", overrides);

    assertThat(incident.errorMessage())
        .contains("endpoints." + field)
        .contains("points at " + elsewhere + ",")
        .contains("ZOHO_CONNECTOR_ALLOWED_ORIGINS");
    assertThat(zoho.counters().requests(Endpoint.CANCEL_EVENT)).as("no cancel call").isZero();
  }

  private Incident run(String meetingIdFeel, String mailFeel, Map<String, Object> overrides) {
    String processId = "bad-input-" + PROCESSES.incrementAndGet();
    driver.deploy(processId + ".bpmn", CancelProcess.model(processId, meetingIdFeel, mailFeel));
    Map<String, Object> vars = CancelProcess.variables(zoho, "unused", false);
    vars.putAll(overrides);

    long key = driver.startInstance(processId, vars);
    Incident incident = driver.awaitIncident(key);

    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    List<JobFailure> failures = driver.jobFailures(key);
    assertThat(failures).as("failed once, with no retries: no BPMN error, no retry").hasSize(1);
    assertThat(failures.getFirst().retriesLeft()).isZero();
    assertThat(driver.thrownErrors(key)).isEmpty();
    assertThat(zoho.counters().apiCalls()).as("no call to Zoho").isZero();
    assertThat(zoho.counters().requests(Endpoint.TOKEN)).as("no token request").isZero();
    return incident;
  }
}
