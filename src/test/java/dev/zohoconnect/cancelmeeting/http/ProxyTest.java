package dev.zohoconnect.cancelmeeting.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Calls go through the proxy the transport is given, by default the JVM's ({@code
 * -Dhttps.proxyHost} and friends). The target is a closed loopback port: a call that bypassed the
 * proxy would be refused, and nothing can leave the machine either way.
 */
class ProxyTest {

  private static final CallTimeouts TIMEOUTS =
      new CallTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

  /** A forward proxy for plain http: answers every request itself, as if from the target. */
  private static final RawServer.Behaviour ANSWERS_FOR_THE_TARGET =
      (connection, request) -> {
        OutputStream out = connection.getOutputStream();
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"via\":\"p\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      };

  @Test
  void aGivenProxySelectorCarriesTheCall() throws Exception {
    try (RawServer proxy = RawServer.start(ANSWERS_FOR_THE_TARGET)) {
      HttpTransport transport = new HttpTransport(Clock.systemUTC(), selectorFor(proxy));

      assertCallGoesThrough(proxy, transport);
    }
  }

  @Test
  void byDefaultTheJvmsProxySelectorCarriesTheCall() throws Exception {
    try (RawServer proxy = RawServer.start(ANSWERS_FOR_THE_TARGET)) {
      HttpTransport transport;
      ProxySelector jvmDefault = ProxySelector.getDefault();
      ProxySelector.setDefault(selectorFor(proxy));
      try {
        transport = new HttpTransport(Clock.systemUTC());
      } finally {
        ProxySelector.setDefault(jvmDefault);
      }

      assertCallGoesThrough(proxy, transport);
    }
  }

  private static ProxySelector selectorFor(RawServer proxy) {
    return ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()));
  }

  private static void assertCallGoesThrough(RawServer proxy, HttpTransport transport)
      throws TransportFailure, IOException {
    String target = "http://127.0.0.1:" + closedPort() + "/crm/v7/Events/1/actions/cancel";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    HttpReply reply = transport.send(request, TIMEOUTS);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"via\":\"p\"}");
    // A forward proxy receives the target's absolute URI on the request line.
    assertThat(proxy.requests())
        .singleElement()
        .asString()
        .startsWith("POST " + target + " HTTP/1.1");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
