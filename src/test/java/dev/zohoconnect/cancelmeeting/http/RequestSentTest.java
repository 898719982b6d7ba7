package dev.zohoconnect.cancelmeeting.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * Whether a failed call's request reached the server, as the transport records it: false whenever
 * the failure came before the request was handed over, true once the server could have read it.
 */
class RequestSentTest {

  private static final String BODY = "{\"data\":[{\"send_cancelling_mail\":false}]}";
  private static final CallTimeouts TIMEOUTS =
      new CallTimeouts(Duration.ofMillis(500), Duration.ofMillis(700));

  private static final CallTimeouts SLOW_MACHINE_TIMEOUTS =
      new CallTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));

  private final HttpTransport transport = new HttpTransport(Clock.systemUTC());

  @Test
  void aRefusedConnectionSentNothing() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    TransportFailure failure = failedCall("http://127.0.0.1:" + closedPort);

    assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.CONNECT_FAILED);
    assertThat(failure.requestSent()).isFalse();
  }

  @Test
  void aConnectTimeoutSentNothing() throws IOException {
    try (UnacceptingPort port = new UnacceptingPort()) {
      TransportFailure failure = failedCall(port.baseUrl());

      assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.CONNECT_TIMEOUT);
      assertThat(failure.requestSent()).isFalse();
    }
  }

  @Test
  void aFailedTlsHandshakeSentNothing() throws Exception {
    // A plain-HTTP server answers the TLS client hello with an HTTP error: the handshake fails.
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread server = Thread.ofVirtual().start(() -> answerInPlainHttp(plain));

      // The handshake counts against the connect timeout; a JVM's first one is slow on a busy
      // machine, and the server answers at once anyway.
      TransportFailure failure =
          failedCall("https://127.0.0.1:" + plain.getLocalPort(), SLOW_MACHINE_TIMEOUTS);

      assertThat(failure.getCause()).isInstanceOf(SSLException.class);
      assertThat(failure.requestSent()).isFalse();
      server.join(2_000);
    }
  }

  @Test
  void aServerThatReadsTheRequestAndClosesMayHaveActedOnIt() throws Exception {
    try (RawServer server = RawServer.start(RawServer.CLOSE)) {
      TransportFailure failure = failedCall(server.baseUrl(), SLOW_MACHINE_TIMEOUTS);

      assertThat(server.awaitRequest()).endsWith(BODY);
      assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.CONNECTION_LOST);
      assertThat(failure.requestSent()).isTrue();
    }
  }

  @Test
  void aServerThatReadsTheRequestAndStallsMayHaveActedOnIt() throws Exception {
    try (RawServer server = RawServer.start(RawServer.STALL)) {
      TransportFailure failure = failedCall(server.baseUrl());

      assertThat(server.awaitRequest()).endsWith(BODY);
      assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.READ_TIMEOUT);
      assertThat(failure.requestSent()).isTrue();
    }
  }

  private static void answerInPlainHttp(ServerSocket server) {
    try (Socket connection = server.accept()) {
      connection.getInputStream().read(new byte[512]);
      connection
          .getOutputStream()
          .write(
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException ignored) {
      // the client gave up first
    }
  }

  private TransportFailure failedCall(String baseUrl) {
    return failedCall(baseUrl, TIMEOUTS);
  }

  private TransportFailure failedCall(String baseUrl, CallTimeouts timeouts) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/crm/v7/Events/1/actions/cancel"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    TransportFailure failure =
        catchThrowableOfType(TransportFailure.class, () -> transport.send(request, timeouts));
    assertThat(failure).as("the call to %s fails without an answer", baseUrl).isNotNull();
    return failure;
  }
}
