package dev.zohoconnect.benchmark;

import com.sun.net.httpserver.HttpServer;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token endpoint like Zoho's ({@code POST /oauth/v2/token}, same answer, same latency) without
 * Zoho's limit of 10 refreshes per 10 minutes. It issues tokens the emulator accepts. The engine
 * throughput runs point the REST connector's token task at it, so they measure what fetching a
 * token per cancellation costs; what Zoho's limit does to that is measured against the emulator's
 * own token endpoint (part 3).
 */
final class UnlimitedTokenEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(UnlimitedTokenEndpoint::daemon);
  private final AtomicLong calls = new AtomicLong();

  UnlimitedTokenEndpoint(ZohoCrmEmulator zoho, Duration latency) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/oauth/v2/token",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            sleep(latency);
            byte[] body =
                ("{\"access_token\":\""
                        + zoho.issueAccessToken()
                        + "\",\"expires_in\":3600,"
                        + "\"api_domain\":\""
                        + zoho.baseUrl()
                        + "\",\"token_type\":\"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long calls() {
    return calls.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void sleep(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "unlimited-token-endpoint");
    t.setDaemon(true);
    return t;
  }
}
