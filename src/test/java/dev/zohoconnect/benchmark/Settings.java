package dev.zohoconnect.benchmark;

import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What profile "benchmark" hands the suite as system properties (see pom.xml). */
record Settings(
    boolean quick,
    Path output,
    Path basedir,
    Path connectorJar,
    Path runtimeJar,
    String logbackConfig) {

  static final String COMMAND = "mvn -B -Pbenchmark verify";

  static Settings fromSystemProperties() {
    Path basedir =
        Path.of(System.getProperty("benchmark.basedir", ".")).toAbsolutePath().normalize();
    return new Settings(
        Boolean.getBoolean("benchmark.quick"),
        Path.of(
            System.getProperty(
                "benchmark.output", basedir.resolve("docs/BENCHMARKS.md").toString())),
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

  static final String LIMITS = "limits";
  static final String TOKENS = "tokens";

  /** Every section, in the order the suite runs them: parts 1 to 4, then "limits" and "tokens". */
  static final List<String> SECTIONS = List.of("1", "2", "3", "4", LIMITS, TOKENS);

  /** -Dbenchmark.sections=limits,tokens (or 1,3, ...) runs only those sections; default all. */
  List<String> sections() {
    String given = System.getProperty("benchmark.sections");
    if (given == null || given.isBlank()) {
      return SECTIONS;
    }
    List<String> sections = List.of(given.split(",")).stream().map(String::trim).toList();
    for (String section : sections) {
      if (!SECTIONS.contains(section)) {
        throw new IllegalArgumentException(
            "-Dbenchmark.sections: unknown section \"" + section + "\"; known: " + SECTIONS);
      }
    }
    return sections;
  }

  boolean runs(int part) {
    return runs(Integer.toString(part));
  }

  boolean runs(String section) {
    return sections().contains(section);
  }

  /** Whether any of parts 1 to 4, which make up the rest of the report, runs. */
  boolean runsAnyPart() {
    return sections().stream()
        .anyMatch(section -> !section.equals(LIMITS) && !section.equals(TOKENS));
  }

  /** The command that runs just these sections, for the report. */
  static String command(String... sections) {
    return COMMAND + " -Dbenchmark.sections=" + String.join(",", sections);
  }

  /** Options that change what a section measures, as this run was given them. */
  private static final List<String> SECTION_OPTIONS =
      List.of(
          "benchmark.quick",
          "benchmark.limits.runtimes",
          "benchmark.limits.orgLimits",
          "benchmark.limits.seconds",
          "benchmark.tokens.runtimes");

  /** {@link #command} for one section, with the options of this run that apply to it. */
  static String commandAsRun(String section) {
    StringBuilder command = new StringBuilder(command(section));
    for (String option : SECTION_OPTIONS) {
      String value = property(option, "");
      boolean applies =
          switch (option) {
            case "benchmark.quick" -> true;
            default -> option.startsWith("benchmark." + section + ".");
          };
      if (applies && !value.isEmpty() && !value.equals("false")) {
        command.append(" -D").append(option).append('=').append(value);
      }
    }
    return command.toString();
  }

  // Section "limits" ------------------------------------------------------------------------------

  /** Zoho's answer time in the org-limit runs. */
  int limitsLatencyMs() {
    return 150;
  }

  /** The orgs' concurrency limits: Standard and Ultimate; -Dbenchmark.limits.orgLimits narrows. */
  List<Integer> limitsOrgLimits() {
    return intList("benchmark.limits.orgLimits", "10,25");
  }

  /** Runtimes on the one engine; -Dbenchmark.limits.runtimes narrows. */
  List<Integer> limitsRuntimes() {
    return intList("benchmark.limits.runtimes", "1,2,4");
  }

  /** Job threads (and jobs held) per runtime: many more than any org allows calls. */
  int limitsThreads() {
    return 64;
  }

  /**
   * Instances per run: what the org's limit allows in {@code benchmark.limits.seconds} (6, long
   * enough for the limits to have warmed up for most of the run) at its ceiling, at least two per
   * job thread.
   */
  int limitsInstances(int orgLimit, int runtimes) {
    double seconds = Double.parseDouble(property("benchmark.limits.seconds", "6"));
    int atCeiling = (int) Math.round(seconds * orgLimit * 1000.0 / limitsLatencyMs());
    int instances = Math.max(atCeiling, 2 * runtimes * limitsThreads());
    return quick ? instances / 4 : instances;
  }

  // Section "tokens" ------------------------------------------------------------------------------

  /** Runtimes sharing one refresh token; -Dbenchmark.tokens.runtimes narrows. */
  List<Integer> tokensRuntimes() {
    return intList("benchmark.tokens.runtimes", "1,4,10,12,16,24");
  }

  /** A system property's value; blank (as Maven passes a property left empty) is absent. */
  private static String property(String name, String defaults) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? defaults : value.trim();
  }

  private static List<Integer> intList(String property, String defaults) {
    return List.of(property(property, defaults).split(",")).stream()
        .map(String::trim)
        .map(Integer::valueOf)
        .toList();
  }

  /**
   * -Dbenchmark.jmh=false leaves out part 1's JMH runs and keeps its paired cross-check, about half
   * a minute (while working on the per-call overhead: -Dbenchmark.sections=1
   * -Dbenchmark.jmh=false).
   */
  boolean runsJmh() {
    return !"false".equalsIgnoreCase(System.getProperty("benchmark.jmh", "true").trim());
  }

  /** -Dbenchmark.variants=REST_ACCESS_TOKEN,... narrows the engine runs; default all. */
  List<BenchmarkProcesses.Variant> variants() {
    String names = System.getProperty("benchmark.variants");
    return names == null
        ? List.of(BenchmarkProcesses.Variant.values())
        : List.of(names.split(",")).stream()
            .map(String::trim)
            .map(BenchmarkProcesses.Variant::valueOf)
            .toList();
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
