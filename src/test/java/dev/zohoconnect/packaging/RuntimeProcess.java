package dev.zohoconnect.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone runtime jar started as an operator starts it: {@code java -jar
 * <artifact>-runtime.jar}, configured only through environment variables, with the JDK that runs
 * the tests. Its stdout (JSON lines) goes to a file the test reads.
 */
public final class RuntimeProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int httpPort;
  private final long startedAt = System.nanoTime();

  private RuntimeProcess(String name, Process process, Path log, int httpPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /**
   * Starts the runtime jar with the given environment on top of a clean one (nothing of the test
   * JVM's CAMUNDA_*, ZEEBE_*, SECRET_*, SPRING_* or ZOHO_CONNECTOR_* variables leaks in).
   */
  static RuntimeProcess start(String name, Path runtimeJar, Map<String, String> env, Path logDir)
      throws IOException {
    int port = freePort();
    Path log = logDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow"); // Netty/gRPC warnings on JDK 23+
    }
    // Test JVMs only: C1 and the serial collector start a Spring Boot app noticeably faster on
    // small CI machines. Production runs the JVM's defaults (docs/operations.md).
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(runtimeJar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = cleanEnvironment(builder);
    environment.put("SERVER_PORT", String.valueOf(port));
    environment.putAll(env);
    Process process = builder.start();
    // Should the test JVM die before @AfterAll, do not leave a runtime polling behind.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
    return new RuntimeProcess(name, process, log, port);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until Spring Boot reports the application started and the job worker is open. */
  Duration awaitStarted(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + tail());
      }
      if (messages().stream().anyMatch(m -> m.startsWith("Started CancelMeetingRuntimeApplication"))
          && messages().stream().anyMatch(m -> m.startsWith("Opening job worker"))) {
        return Duration.ofNanos(System.nanoTime() - startedAt);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not start within " + timeout + "\n" + tail());
  }

  /** GET on the runtime's HTTP port; returns status and body. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls an actuator health path until it reports UP. */
  JsonNode awaitHealth(String path, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = get(path);
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200) {
          JsonNode body = JSON.readTree(response.body());
          if ("UP".equals(body.path("status").asText())) {
            return body;
          }
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " " + path + " not UP within " + timeout + ": " + last);
  }

  /** Sends SIGTERM (what Kubernetes and docker stop send) and waits for the JVM to exit. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running " + timeout + " after SIGTERM\n" + tail());
    }
    return process.exitValue();
  }

  /** The raw log, every line. */
  List<String> lines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every JSON log line as a tree; lines that are not JSON (e.g. JVM warnings) are skipped. */
  List<JsonNode> jsonLines() {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines()) {
      if (line.startsWith("{")) {
        try {
          nodes.add(JSON.readTree(line));
        } catch (IOException partial) {
          // the last line may be half written
        }
      }
    }
    return nodes;
  }

  List<String> messages() {
    return jsonLines().stream().map(n -> n.path("message").asText()).toList();
  }

  String tail() {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Kills the process (and anything it started) without waiting for a graceful shutdown. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The JDK that runs the tests, so a child JVM runs on the same one. */
  static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /**
   * The builder's environment without anything of this JVM's that would configure the runtime: the
   * child runtime sees only the settings a test gives it.
   */
  public static Map<String, String> cleanEnvironment(ProcessBuilder builder) {
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("CAMUNDA_")
                    || k.startsWith("ZEEBE_")
                    || k.startsWith("SECRET_")
                    || k.startsWith("SPRING_")
                    || k.startsWith("CONNECTOR_")
                    || k.startsWith("ZOHO_CONNECTOR_")
                    || k.startsWith("JAVA_TOOL_OPTIONS")
                    || k.startsWith("JDK_JAVA_OPTIONS"));
    return env;
  }
}
