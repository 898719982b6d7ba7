package dev.zohoconnect.cancelmeeting.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The whole exchange, body included, ends within the connect and read timeouts together: the JDK's
 * own request timeout stops counting once the headers are in, so a server that sends its headers
 * and then stalls or dribbles the body would otherwise hold a job thread for ever.
 */
class BodyDeadlineTest {

  private static final CallTimeouts TIMEOUTS =
      new CallTimeouts(Duration.ofMillis(500), Duration.ofMillis(700));

  /** Generous on a loaded machine, far below the minutes a stalled body would otherwise take. */
  private static final Duration BOUND = TIMEOUTS.total().plusSeconds(3);

  private static final String HEAD =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";

  @Test
  void aServerThatStallsMidBodyIsGivenUpOnInTime() throws IOException {
    RawServer.Behaviour headersThenSilence =
        (connection, request) -> {
          OutputStream out = connection.getOutputStream();
          out.write((HEAD + "{\"data\":[").getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          connection.getInputStream().read(); // until the client gives up
        };
    try (RawServer server = RawServer.start(headersThenSilence)) {
      assertGivenUpInTime(server);
    }
  }

  @Test
  void aServerThatDribblesItsBodyIsGivenUpOnInTime() throws IOException {
    RawServer.Behaviour oneByteAtATime =
        (connection, request) -> {
          OutputStream out = connection.getOutputStream();
          out.write(HEAD.getBytes(StandardCharsets.ISO_8859_1));
          for (int i = 0; i < 1000; i++) {
            out.write(' ');
            out.flush();
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              return;
            }
          }
        };
    try (RawServer server = RawServer.start(oneByteAtATime)) {
      assertGivenUpInTime(server);
    }
  }

  private static void assertGivenUpInTime(RawServer server) {
    HttpTransport transport = new HttpTransport(Clock.systemUTC());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/crm/v7/Events/1/actions/cancel"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    long started = System.nanoTime();
    TransportFailure failure =
        catchThrowableOfType(TransportFailure.class, () -> transport.send(request, TIMEOUTS));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(failure).as("an answer whose body never completes").isNotNull();
    assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.READ_TIMEOUT);
    assertThat(failure.requestSent()).isTrue();
    assertThat(took).isGreaterThanOrEqualTo(TIMEOUTS.read()).isLessThan(BOUND);
  }
}
