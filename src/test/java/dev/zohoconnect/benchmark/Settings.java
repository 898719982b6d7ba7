package dev.zohoconnect.benchmark;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What profile "benchmark" hands the suite as system properties (see pom.xml). */
record Settings(
    boolean quick, Path output, Path basedir, Path connectorJar, Path runtimeJar, String logbackConfig) {

  static final String COMMAND = "mvn -B -Pbenchmark verify";

  static Settings fromSystemProperties() {
    Path basedir = Path.of(System.getProperty("benchmark.basedir", ".")).toAbsolutePath().normalize();
    return new Settings(
        Boolean.getBoolean("benchmark.quick"),
        Path.of(System.getProperty("benchmark.output", basedir.resolve("docs/BENCHMARKS.md").toString())),
        basedir,
        Path.of(require("benchmark.connectorJar")),
        Path.of(require("benchmark.runtimeJar")),
        System.getProperty("logback.configurationFile"));
  }

  /**
   * The origins the suite's connectors may call besides Zoho (the emulator and token stand-ins on
   * loopback), as pom.xml hands them to the suite: the runtime setting an operator would give.
   */
  static String allowedOrigins() {
    return require(RuntimeSettings.ALLOWED_ORIGINS.systemProperty());
  }

  private static String require(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("-D" + property + " is not set: run " + COMMAND);
    }
    return value;
  }

  /** -Dbenchmark.parts=1,3 runs only those parts (while working on one); default all four. */
  boolean runs(int part) {
    String parts = System.getProperty("benchmark.parts", "1,2,3,4");
    return List.of(parts.split(",")).contains(Integer.toString(part));
  }

  /**
   * -Dbenchmark.jmh=false leaves out part 1's JMH runs and keeps its paired cross-check, about half
   * a minute (while working on the per-call overhead: -Dbenchmark.parts=1 -Dbenchmark.jmh=false).
   */
  boolean runsJmh() {
    return !"false".equalsIgnoreCase(System.getProperty("benchmark.jmh", "true").trim());
  }

  /** -Dbenchmark.variants=REST_ACCESS_TOKEN,... narrows the engine runs; default all. */
  List<BenchmarkProcesses.Variant> variants() {
    String names = System.getProperty("benchmark.variants");
    return names == null
        ? List.of(BenchmarkProcesses.Variant.values())
        : List.of(names.split(",")).stream().map(String::trim).map(BenchmarkProcesses.Variant::valueOf).toList();
  }

  /** Zero injected latency (the cost of the client itself) and a realistic Zoho answer time. */
  List<Integer> latenciesMs() {
    // -Dbenchmark.latencies=0 narrows it while working on one case.
    return List.of(System.getProperty("benchmark.latencies", "0,150").split(",")).stream()
        .map(String::trim)
        .map(Integer::valueOf)
        .toList();
  }

  /** Instances (or calls) per measured engine run; warm-up runs come on top. */
  int instances() {
    return quick ? 200 : 1000;
  }

  /** Measured instances per engine run: fewer with latency, where each one takes 150 ms or more. */
  int throughputInstances(int latencyMs) {
    return latencyMs == 0 ? instances() : instances() * 3 / 5;
  }

  int warmupInstances() {
    return quick ? 50 : 200;
  }

  /** Parallel jobs: the runtime's job-handler threads in the engine runs. */
  int parallelJobs() {
    return 16;
  }

  /** JVM flags of JMH's forked benchmark JVMs. */
  List<String> forkJvmArgs() {
    List<String> args = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
    if (logbackConfig != null) {
      args.add("-Dlogback.configurationFile=" + logbackConfig);
    }
    // JMH's forks get these flags instead of the suite's own: pass the runtime setting on.
    args.add("-D" + RuntimeSettings.ALLOWED_ORIGINS.systemProperty() + "=" + allowedOrigins());
    if (Runtime.version().feature() >= 23) {
      args.add("--sun-misc-unsafe-memory-access=allow");
    }
    return args;
  }
}
