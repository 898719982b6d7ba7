package dev.zohoconnect.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster mode of the local run, pointed at a gateway without any worker of its own (the
 * in-memory engine standing in for a cluster) and at the emulator standing in for Zoho: only the
 * run's own workers can cancel the meeting.
 */
class RemoteRunTest {

  @Test
  void cancelsAMeetingOnAClusterWithTheWorkersItHosts() {
    try (ZohoCrmEmulator zoho = ZohoCrmEmulator.start();
        // No connector worker of its own: only the run's workers take the job.
        ConnectorRuntimeHarness cluster = ConnectorRuntimeHarness.engineOnly()) {
      zoho.meetings().put(zoho.upcomingMeeting("4876876000001563018").build());
      ClusterSettings settings =
          new ClusterSettings(
              Map.of(
                  "CAMUNDA_CLIENT_MODE",
                  "self-managed",
                  "CAMUNDA_CLIENT_GRPC_ADDRESS",
                  "http://" + cluster.gatewayAddress(),
                  "ZOHO_CLIENT_ID",
                  ZohoCrmEmulator.DEFAULT_CLIENT_ID,
                  "ZOHO_CLIENT_SECRET",
                  ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
                  "ZOHO_REFRESH_TOKEN",
                  ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN,
                  "ZOHO_API_BASE_URL",
                  zoho.baseUrl(),
                  "ZOHO_ACCOUNTS_URL",
                  zoho.baseUrl()));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();

      int exitCode =
          RemoteRun.run(
              settings,
              "4876876000001563018",
              false,
              new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(exitCode).as(printed.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cancelled=true");
      assertThat(zoho.meetings().isCancelled("4876876000001563018")).isTrue();
    }
  }
}
