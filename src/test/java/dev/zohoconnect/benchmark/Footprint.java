package dev.zohoconnect.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.benchmark.BenchmarkProcesses.Variant;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.packaging.RuntimeProcess;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

/**
 * Part 4: what the connector costs to ship and to run. Jar sizes; then the standalone runtime jar
 * (target/*-runtime.jar, Spring Boot with Camunda's connectors starter) started as an operator
 * starts it, once as built (this connector) and once with Camunda's REST connector added to its
 * class path, each processing the same number of cancellations through the in-memory engine.
 */
final class Footprint {

  record JarSizes(
      long connectorJar,
      int connectorClasses,
      long restConnectorJars,
      List<String> restConnectorJarNames,
      long restHttpLibraries,
      List<String> restHttpLibraryNames,
      long runtimeJar,
      int runtimeLibraries) {}

  record RuntimeFootprint(
      String label,
      double startSeconds,
      double springStartedSeconds,
      long rssIdleKb,
      long rssAfterKb,
      long rssPeakKb,
      int cancellations,
      int completed,
      String jvmFlags) {}

  record Result(JarSizes jars, List<RuntimeFootprint> runtimes) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String SPRING_LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  /**
   * As docs/runtime/Dockerfile and the Kubernetes example in docs/operations.md run it: a 768 MiB
   * container limit, 75 % of it for the heap. -XX:MaxRAM makes the JVM size itself as it would in
   * that container (heap, and the collector it picks for that memory and 2 CPUs).
   */
  static final List<String> CONTAINER_FLAGS =
      List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

  static final String CONNECTOR_LABEL = "runtime jar as built, this connector's tasks";

  static final String REST_LABEL = "same runtime + REST connector jars, REST connector's tasks";

  private final Settings settings;

  Footprint(Settings settings) {
    this.settings = settings;
  }

  Result run() throws Exception {
    JarSizes jars = jarSizes();
    List<RuntimeFootprint> runtimes = new ArrayList<>();
    // A B B A: the first start of a jar also pays for reading it from disk.
    for (boolean rest :
        settings.quick() ? List.of(false, true) : List.of(false, true, true, false)) {
      BenchmarkSuite.log("4/4 footprint: " + (rest ? REST_LABEL : CONNECTOR_LABEL));
      RuntimeFootprint footprint =
          rest
              ? runtime(REST_LABEL, Variant.REST_ACCESS_TOKEN, restConnectorJars())
              : runtime(CONNECTOR_LABEL, Variant.CONNECTOR_ACCESS_TOKEN, List.of());
      BenchmarkSuite.log("   " + footprint);
      runtimes.add(footprint);
    }
    return new Result(jars, runtimes);
  }

  private JarSizes jarSizes() throws IOException {
    long connector = Files.size(settings.connectorJar());
    int classes;
    try (ZipFile zip = new ZipFile(settings.connectorJar().toFile())) {
      classes = (int) zip.stream().filter(e -> e.getName().endsWith(".class")).count();
    }
    List<Path> rest = restConnectorJars();
    List<Path> http = classpathJars("http-client-", "httpclient5-", "httpcore5-", "httpcore5-h2-");
    int libraries;
    try (ZipFile zip = new ZipFile(settings.runtimeJar().toFile())) {
      libraries =
          (int)
              zip.stream()
                  .filter(
                      e -> e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar"))
                  .count();
    }
    return new JarSizes(
        connector,
        classes,
        totalSize(rest),
        names(rest),
        totalSize(http),
        names(http),
        Files.size(settings.runtimeJar()),
        libraries);
  }

  /** Camunda's REST connector: its own two jars (its HTTP library is already in the runtime). */
  static List<Path> restConnectorJars() {
    return classpathJars("connector-http-json-", "connector-http-base-");
  }

  private static List<Path> classpathJars(String... prefixes) {
    List<Path> found = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      for (String prefix : prefixes) {
        if (name.startsWith(prefix)
            && name.endsWith(".jar")
            && Character.isDigit(name.charAt(prefix.length()))) {
          found.add(path);
        }
      }
    }
    return found;
  }

  private static long totalSize(List<Path> jars) throws IOException {
    long total = 0;
    for (Path jar : jars) {
      total += Files.size(jar);
    }
    return total;
  }

  private static List<String> names(List<Path> jars) {
    return jars.stream().map(p -> p.getFileName().toString()).toList();
  }

  private RuntimeFootprint runtime(String label, Variant variant, List<Path> extraJars)
      throws Exception {
    int count = settings.instances() / 2;
    Path logs = Files.createDirectories(settings.basedir().resolve("target/benchmark-runtime"));
    try (ZohoFixture zoho = ZohoFixture.start(Duration.ZERO);
        // An engine with no worker of its own for either job type: only the runtime takes them.
        ConnectorRuntimeHarness engine = ConnectorRuntimeHarness.engineOnly()) {
      engine.deploy(variant.processId + ".bpmn", BenchmarkProcesses.process(variant));
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      if (Runtime.version().feature() >= 23) {
        command.add("--sun-misc-unsafe-memory-access=allow");
      }
      command.addAll(CONTAINER_FLAGS);
      if (extraJars.isEmpty()) {
        command.add("-jar");
        command.add(settings.runtimeJar().toString());
      } else {
        // The runtime jar's own launcher, with extra jars on its class path: as the connectors
        // bundle image adds /opt/custom/*.
        command.add(
            "-Dloader.path=" + String.join(",", extraJars.stream().map(Path::toString).toList()));
        command.add("-cp");
        command.add(settings.runtimeJar().toString());
        command.add(SPRING_LAUNCHER);
      }
      Path log = logs.resolve(variant.processId + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = cleanEnvironment(builder);
      env.putAll(runtimeEnvironment(engine, zoho));
      long spawned = System.nanoTime();
      Process process = builder.start();
      try {
        double started = awaitStarted(process, log, spawned, extraJars.isEmpty() ? 1 : 2);
        double springStarted = springStartedSeconds(log);
        Thread.sleep(2000);
        long idle = status(process.pid(), "VmRSS");
        int completed = cancel(engine, zoho, variant, count);
        Thread.sleep(1000);
        long after = status(process.pid(), "VmRSS");
        long peak = status(process.pid(), "VmHWM");
        return new RuntimeFootprint(
            label,
            started,
            springStarted,
            idle,
            after,
            peak,
            count,
            completed,
            String.join(" ", CONTAINER_FLAGS));
      } finally {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  /** The builder's environment without anything of this JVM's that would configure the runtime. */
  static Map<String, String> cleanEnvironment(ProcessBuilder builder) {
    return RuntimeProcess.cleanEnvironment(builder);
  }

  static Map<String, String> runtimeEnvironment(ConnectorRuntimeHarness engine, ZohoFixture zoho)
      throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("SERVER_PORT", String.valueOf(freePort()));
    env.put("CAMUNDA_CLIENT_MODE", "self-managed");
    env.put("CAMUNDA_CLIENT_GRPCADDRESS", "http://" + engine.gatewayAddress());
    // The in-memory engine has no REST API: a closed port, and gRPC for everything.
    env.put("CAMUNDA_CLIENT_RESTADDRESS", "http://127.0.0.1:" + freePort());
    env.put("CAMUNDA_CLIENT_PREFERRESTOVERGRPC", "false");
    zoho.secrets().forEach((name, value) -> env.put("SECRET_" + name, value));
    env.put(RuntimeSettings.ALLOWED_ORIGINS.environmentVariable(), Settings.allowedOrigins());
    return env;
  }

  /**
   * Seconds from spawning the JVM until Spring reports the application started and workers opened.
   */
  static double awaitStarted(Process process, Path log, long spawned, int workers)
      throws InterruptedException {
    long deadline = spawned + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "runtime exited with " + process.exitValue() + "; see " + log);
      }
      List<String> messages = messages(log);
      boolean started = messages.stream().anyMatch(m -> m.startsWith("Started "));
      long opened = messages.stream().filter(m -> m.startsWith("Opening job worker")).count();
      if (started && opened >= workers) {
        return (System.nanoTime() - spawned) / 1e9;
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException("runtime not started within " + START_TIMEOUT + "; see " + log);
  }

  /** Spring Boot's own figure: "Started ... in N seconds (process running for M)", M. */
  static double springStartedSeconds(Path log) {
    for (String message : messages(log)) {
      int at = message.indexOf("process running for ");
      if (message.startsWith("Started ") && at >= 0) {
        String rest = message.substring(at + "process running for ".length());
        return Double.parseDouble(rest.replaceAll("[^0-9.].*$", ""));
      }
    }
    return Double.NaN;
  }

  private static List<String> messages(Path log) {
    List<String> messages = new ArrayList<>();
    try {
      if (!Files.exists(log)) {
        return messages;
      }
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.startsWith("{")) {
          try {
            JsonNode node = JSON.readTree(line);
            messages.add(node.path("message").asText());
          } catch (IOException partial) {
            // the last line may be half written
          }
        }
      }
    } catch (IOException e) {
      // read again on the next poll
    }
    return messages;
  }

  static int cancel(ConnectorRuntimeHarness engine, ZohoFixture zoho, Variant variant, int count)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(32);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger completed = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      String meetingId = zoho.newMeeting();
      BenchmarkProcesses.run(engine.client(), variant, meetingId, zoho.baseUrl(), zoho.baseUrl())
          .whenComplete(
              (ProcessInstanceResult result, Throwable error) -> {
                if (error == null && result.getVariablesAsMap().get("failed") == null) {
                  completed.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
              });
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("runtime did not end the instances within 10 minutes");
    }
    return completed.get();
  }

  /** A field of /proc/PID/status in kB (Linux). */
  static long status(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
