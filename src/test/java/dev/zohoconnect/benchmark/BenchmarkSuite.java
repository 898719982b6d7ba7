package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.BenchmarkProcesses.Variant;
import dev.zohoconnect.benchmark.EngineRun.Outcome;
import dev.zohoconnect.benchmark.EngineRun.TokenSource;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the measurements of the benchmark issues and writes docs/BENCHMARKS.md:
 *
 * <ol>
 *   <li>overhead per call, in process, with JMH: this connector against a bare JDK HttpClient POST
 *       and against Camunda's REST connector;
 *   <li>process instances per second through the in-memory engine and Camunda's connector runtime,
 *       this connector against the REST connector, with an access token and with a refresh token;
 *   <li>token-endpoint calls per 1,000 cancellations with 16 parallel jobs, against the emulator's
 *       real refresh limit;
 *   <li>footprint: jar sizes, standalone runtime start time and resident memory, and the start with
 *       a class-data archive (CDS, the JDK's AOT cache);
 *   <li>("limits") throughput against Zoho's concurrency limit per org, with several runtimes of
 *       many job threads each, this connector against the REST connector;
 *   <li>("tokens") many runtimes sharing one refresh token against Zoho's token limits, cold start
 *       and restart wave.
 * </ol>
 *
 * <p>{@code -Dbenchmark.sections=limits,tokens} (or any list of 1, 2, 3, 4, limits, tokens) runs
 * only those; the sections that did not run keep their figures in the file.
 *
 * <p>Everything runs against the Zoho emulator on loopback, with no injected latency and with 150
 * ms. Started by {@code mvn -B -Pbenchmark verify} (see pom.xml); not part of the test run.
 */
public final class BenchmarkSuite {

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Report report = new Report(settings, MachineInfo.capture());
    long started = System.nanoTime();

    if (settings.runs(1)) {
      report.section("1. Overhead per call");
      if (settings.runsJmh()) {
        log("1/4 JMH: overhead per call");
        report.overhead = new CallOverhead(settings).run();
      }
      if (settings.latenciesMs().contains(0)) {
        log("1/4 cross-check: the same calls taking turns in one JVM");
        report.paired = new PairedCalls(settings).run();
      }
    }

    EngineRun engine = new EngineRun(settings.parallelJobs());
    List<Outcome> throughput = new ArrayList<>();
    if (settings.runs(2) || settings.runs(3)) {
      // The first engine runs in this JVM pay for compiling the engine, the runtime and both
      // connectors: one discarded pass over every variant, so no variant's numbers include that.
      log("2/4 engine warm-up (discarded)");
      for (Variant variant : settings.variants()) {
        engine.run(variant, 0, TokenSource.UNLIMITED, 0, settings.instances() / 2);
      }
    }
    if (settings.runs(2)) {
      report.section("2. Throughput through the engine");
    }
    for (int latency : settings.runs(2) ? settings.latenciesMs() : List.<Integer>of()) {
      // Forwards, then backwards (A B C D D C B A): whatever still speeds up or slows down over
      // the run (JIT, the machine's other load) falls on every variant alike.
      List<Variant> order = new ArrayList<>(settings.variants());
      List<Variant> backwards = new ArrayList<>(order);
      Collections.reverse(backwards);
      order.addAll(backwards);
      for (Variant variant : order) {
        log("2/4 engine throughput: " + variant + ", " + latency + " ms");
        Outcome outcome =
            engine.run(
                variant,
                latency,
                TokenSource.UNLIMITED,
                settings.warmupInstances(),
                settings.throughputInstances(latency));
        log("   " + outcome);
        throughput.add(outcome);
      }
    }
    report.throughput = throughput;

    List<Outcome> tokens = new ArrayList<>();
    if (settings.runs(3)) {
      report.section("3. Token economy");
    }
    for (int latency : settings.runs(3) ? settings.latenciesMs() : List.<Integer>of()) {
      for (Variant variant : List.of(Variant.CONNECTOR_REFRESH_TOKEN, Variant.REST_REFRESH_TOKEN)) {
        log("3/4 token economy: " + variant + ", " + latency + " ms");
        Outcome outcome = engine.run(variant, latency, TokenSource.ZOHO, 0, settings.instances());
        log("   " + outcome);
        tokens.add(outcome);
      }
    }
    report.tokens = tokens;

    if (settings.runs(4)) {
      report.section("4. Footprint");
      log("4/4 footprint");
      report.footprint = new Footprint(settings).run();
      report.startup = new ClassDataSharing(settings).run();
    }

    // Sections 5 and 6 render blocks of their own, which replace theirs in the existing file.
    Map<String, String> blocks = new LinkedHashMap<>();
    if (settings.runs(Settings.LIMITS)) {
      report.section("5. Throughput against Zoho's concurrency limit");
      log("limits: throughput against Zoho's concurrency limit");
      blocks.put(
          OrgLimitReport.ID, OrgLimitReport.markdown(OrgLimitSection.run(settings), settings));
    }
    if (settings.runs(Settings.TOKENS)) {
      report.section("6. Many runtimes on one refresh token");
      log("tokens: many runtimes on one refresh token");
      blocks.put(
          SharedTokenReport.ID, SharedTokenReport.markdown(SharedTokenSection.run(settings)));
    }
    report.section("end");

    report.durationSeconds = (System.nanoTime() - started) / 1e9;
    Files.createDirectories(settings.output().getParent());
    String previous = Files.exists(settings.output()) ? Files.readString(settings.output()) : "";
    Files.writeString(settings.output(), document(settings, report, previous, blocks));
    log("wrote " + settings.output() + " in " + Math.round(report.durationSeconds) + " s");
    // The engine's and clients' non-daemon threads must not keep Maven waiting.
    System.exit(0);
  }

  /**
   * The report: regenerated when any of parts 1-4 ran, else the previous file; then the blocks of
   * sections 5 and 6 that ran, and the previous file's blocks of those that did not.
   */
  static String document(
      Settings settings, Report report, String previous, Map<String, String> blocks)
      throws java.io.IOException {
    String document = settings.runsAnyPart() || previous.isEmpty() ? report.markdown() : previous;
    document =
        ReportBlocks.put(
            document, Report.COMMANDS_ID, Report.commandsBlock(), "## Machine and run");
    for (String id : List.of(OrgLimitReport.ID, SharedTokenReport.ID)) {
      String block = blocks.get(id);
      if (block == null) {
        block = ReportBlocks.find(previous, id).orElse(null);
      }
      if (block != null) {
        document = ReportBlocks.put(document, id, block);
      }
    }
    return document;
  }

  private static final long STARTED = System.nanoTime();

  static void log(String message) {
    System.out.printf(
        "[benchmark %4d s] %s (load %s)%n",
        (System.nanoTime() - STARTED) / 1_000_000_000L, message, MachineInfo.loadAverage());
  }
}
