package dev.zohoconnect.localrun;

import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.InMemoryZeebeDriver;
import dev.zohoconnect.process.scenarios.CancelMeetingScenarios;
import dev.zohoconnect.process.scenarios.ExampleProcesses;
import dev.zohoconnect.process.scenarios.Outcomes;
import dev.zohoconnect.process.scenarios.Outcomes.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The README's first command: everything in one JVM, nothing to install. Starts the Zoho CRM
 * emulator, Zeebe's in-memory engine and Camunda's connector runtime with this connector, deploys
 * the example processes, runs one instance per scenario and prints what happened.
 *
 * <p>Exit code 0 when every scenario ended as expected. {@code --keep-running} leaves everything up
 * afterwards, so processes can be started against the printed gateway address.
 *
 * <p>With the standard Camunda client settings in the environment ({@link ClusterSettings}) the
 * same entry point runs against that cluster and a real Zoho org instead ({@link RemoteRun}).
 */
public final class LocalRun {

  private static final AtomicLong MEETING_IDS = new AtomicLong(4876876000001600000L);

  private LocalRun() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    ClusterSettings cluster = ClusterSettings.fromEnvironment();
    if (cluster.present()) {
      int meeting = arguments.indexOf("--meeting-id");
      if (meeting < 0 || meeting + 1 >= arguments.size()) {
        System.err.println(
            "With CAMUNDA_CLIENT_MODE set, pass --meeting-id <Zoho meeting id> [--send-mail]");
        System.exit(2);
      }
      System.exit(
          RemoteRun.run(
              cluster, arguments.get(meeting + 1), arguments.contains("--send-mail"), System.out));
    }
    boolean keepRunning = arguments.contains("--keep-running");
    PrintStream out = System.out;
    int exitCode;
    try (InMemoryZeebeDriver driver = InMemoryZeebeDriver.start(CancelMeetingScenarios.SECRETS)) {
      ExampleProcesses.deployAll(driver);
      List<Row> rows = new ArrayList<>();
      for (LocalScenario scenario : LocalScenario.all()) {
        // A fresh org per scenario: what one scenario breaks cannot leak into the next.
        try (ZohoCrmEmulator zoho = ZohoCrmEmulator.start()) {
          rows.add(run(scenario, zoho, driver));
        }
      }
      OutcomeTable.print(out, rows);
      long unexpected = rows.stream().filter(row -> !row.asExpected()).count();
      out.printf(
          "%n%d scenarios, %d as expected, %d not.%n",
          rows.size(), rows.size() - unexpected, unexpected);
      exitCode = unexpected == 0 ? 0 : 1;
      if (keepRunning) {
        try (ZohoCrmEmulator playground = ZohoCrmEmulator.start()) {
          playground.seed(LocalRun.class.getResourceAsStream("/emulator/sample-meetings.json"));
          printConnectionDetails(out, playground, driver);
          new CountDownLatch(1).await(); // until Ctrl-C
        }
      }
    }
    // The in-memory engine leaves a non-daemon timer thread behind.
    System.exit(exitCode);
  }

  private static Row run(LocalScenario scenario, ZohoCrmEmulator zoho, InMemoryZeebeDriver driver) {
    String meetingId =
        scenario.meetingId() != null
            ? scenario.meetingId()
            : Long.toString(MEETING_IDS.incrementAndGet());
    scenario.state().arrange(zoho, meetingId);
    long key =
        driver.startInstance(
            scenario.processId(),
            Map.of(
                "meetingId", meetingId,
                "sendMail", scenario.sendMail(),
                "zohoApiBaseUrl", zoho.baseUrl(),
                "zohoAccountsUrl", zoho.baseUrl()));
    // 120 s: a persistent 429 pauses the org's calls in real time (up to a minute for nine calls).
    Outcome outcome = Outcomes.awaitEnd(driver, key, Duration.ofSeconds(120));
    return new Row(scenario, meetingId, outcome, zoho.counters().apiCalls());
  }

  private static void printConnectionDetails(
      PrintStream out, ZohoCrmEmulator zoho, InMemoryZeebeDriver driver) {
    out.printf(
        """

        Still running (Ctrl-C to stop):
          Zeebe gateway (gRPC, plaintext): %s
          Zoho CRM emulator:               %s
          Processes deployed:              %s
          Sample meetings (emulator):      %s
          Start an instance with variables {"meetingId": "<id>", "sendMail": false,
            "zohoApiBaseUrl": "%s", "zohoAccountsUrl": "%s"}
          Secrets known to the runtime:    %s
        """,
        driver.harness().gatewayAddress(),
        zoho.baseUrl(),
        String.join(
            ", ",
            ExampleProcesses.ERROR_HANDLING,
            ExampleProcesses.MAIL_FALLBACK,
            ExampleProcesses.IDEMPOTENT),
        String.join(
            ", ", zoho.meetings().all().stream().map(m -> m.id() + " " + m.title()).toList()),
        zoho.baseUrl(),
        zoho.baseUrl(),
        String.join(", ", CancelMeetingScenarios.SECRETS.keySet()));
  }

  /** A scenario and what became of it. */
  record Row(LocalScenario scenario, String meetingId, Outcome outcome, long zohoCalls) {

    String endState() {
      if (outcome.incident() != null) {
        return "incident " + outcome.incident().errorType();
      }
      return outcome.completed() ? "completed at " + outcome.endElement() : "running";
    }

    String caughtError() {
      String code = outcome.caughtErrorCode();
      return code == null ? "-" : code;
    }

    boolean asExpected() {
      boolean endOk =
          LocalScenario.INCIDENT.equals(scenario.expectedEnd())
              ? outcome.incident() != null
              : outcome.completed() && scenario.expectedEnd().equals(outcome.endElement());
      String expectedError = scenario.expectedError() == null ? "-" : scenario.expectedError();
      return endOk && expectedError.equals(caughtError());
    }
  }
}
