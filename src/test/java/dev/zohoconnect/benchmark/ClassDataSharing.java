package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.BenchmarkProcesses.Variant;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Part 4, continued: the standalone runtime's start with a class-data archive. The runtime jar is
 * extracted as docs/runtime/Dockerfile extracts it, trained once per archive as Spring Boot
 * documents it (the application context refreshed, then the JVM exits and writes the archive), and
 * started against the same extracted layout without an archive: Java 21's dynamic CDS archive
 * ({@code -XX:ArchiveClassesAtExit} / {@code -XX:SharedArchiveFile}) and, on JDK 25 or newer, the
 * JDK's AOT cache ({@code -XX:AOTCacheOutput} / {@code -XX:AOTCache}). The launches take turns
 * (forwards, then backwards, round after round), so the machine's changing load falls on all alike.
 */
final class ClassDataSharing {

  enum Launch {
    RUNTIME_JAR(
        "runtime jar as built", "java -jar zoho-cancel-meeting-connector-<version>-runtime.jar"),
    EXTRACTED("extracted, no archive", "java -jar app/runtime.jar"),
    CDS_ARCHIVE(
        "extracted + CDS archive", "java -XX:SharedArchiveFile=app/app.jsa -jar app/runtime.jar"),
    AOT_CACHE(
        "extracted + AOT cache (JDK 25)", "java -XX:AOTCache=app/app.aot -jar app/runtime.jar");

    final String label;
    final String command;

    Launch(String label, String command) {
      this.label = label;
      this.command = command;
    }
  }

  /**
   * One archive's training run; canaryFound: a value only the training environment had is in it.
   */
  record Training(
      String archive, String command, double seconds, long bytes, boolean canaryFound) {}

  record Start(
      Launch launch,
      int round,
      double readySeconds,
      double cpuSecondsToReady,
      double springStartedSeconds,
      long rssIdleKb,
      long rssAnonIdleKb,
      long rssFileIdleKb,
      long rssAfterKb,
      int cancellations,
      int completed,
      boolean archiveUsed,
      double load) {}

  record Result(
      String jdk,
      List<Training> trainings,
      List<Start> starts,
      String loadBefore,
      String loadAfter) {}

  private static final String CDS_ARCHIVE = "app.jsa";
  private static final String AOT_CACHE = "app.aot";
  private static final String TRAINING = "-Dspring.context.exit=onRefresh";

  /**
   * The training run's heap, as docs/runtime/Dockerfile sets it: the build host is not the
   * container, and a heap of 32 GB or more there would write an archive (compressed pointers off)
   * that a 768 MiB container cannot use.
   */
  private static final List<String> TRAINING_SIZING = List.of("-Xmx512m");

  private static final Pattern ARCHIVE_PROBLEM =
      Pattern.compile("\\[(error|warning) *\\]\\[(cds|aot)");

  /** USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux the JDK runs on. */
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

  private final Settings settings;

  ClassDataSharing(Settings settings) {
    this.settings = settings;
  }

  private static List<Launch> launches() {
    return Runtime.version().feature() >= 25
        ? List.of(Launch.values())
        : List.of(Launch.RUNTIME_JAR, Launch.EXTRACTED, Launch.CDS_ARCHIVE);
  }

  Result run() throws Exception {
    String loadBefore = MachineInfo.loadAverage();
    Path work = settings.basedir().resolve("target/benchmark-cds");
    Path app = extract(work);
    List<Training> trainings = new ArrayList<>();
    BenchmarkSuite.log("4/4 start-up: training run for the CDS archive");
    trainings.add(train(app, CDS_ARCHIVE, "-XX:ArchiveClassesAtExit="));
    BenchmarkSuite.log("   " + trainings.getLast());
    if (launches().contains(Launch.AOT_CACHE)) {
      BenchmarkSuite.log("4/4 start-up: training run for the AOT cache");
      trainings.add(train(app, AOT_CACHE, "-XX:AOTCacheOutput="));
      BenchmarkSuite.log("   " + trainings.getLast());
    }

    int rounds = settings.quick() ? 1 : 5;
    int cancellations = settings.quick() ? 20 : 100;
    List<Start> starts = new ArrayList<>();
    try (ZohoFixture zoho = ZohoFixture.start(Duration.ZERO);
        // An engine with no worker of its own for the job type: only the runtime takes the jobs.
        ConnectorRuntimeHarness engine = ConnectorRuntimeHarness.engineOnly()) {
      Variant variant = Variant.CONNECTOR_ACCESS_TOKEN;
      engine.deploy(variant.processId + ".bpmn", BenchmarkProcesses.process(variant));
      for (int round = 1; round <= rounds; round++) {
        List<Launch> order = new ArrayList<>(launches());
        if (round % 2 == 0) {
          order = order.reversed();
        }
        for (Launch launch : order) {
          BenchmarkSuite.log(
              "4/4 start-up, round " + round + " of " + rounds + ": " + launch.label);
          Start start = start(launch, round, app, engine, zoho, variant, cancellations);
          BenchmarkSuite.log("   " + start);
          starts.add(start);
        }
      }
    }
    return new Result(
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        trainings,
        starts,
        loadBefore,
        MachineInfo.loadAverage());
  }

  /**
   * As docs/runtime/Dockerfile does: Spring Boot's layer extraction, the layers merged into app/.
   */
  private Path extract(Path work) throws IOException, InterruptedException {
    deleteRecursively(work);
    Path build = Files.createDirectories(work.resolve("build"));
    Files.copy(settings.runtimeJar(), build.resolve("runtime.jar"));
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(
        List.of(
            "-Djarmode=tools",
            "-jar",
            "runtime.jar",
            "extract",
            "--layers",
            "--destination",
            "extracted"));
    Process process =
        new ProcessBuilder(command)
            .directory(build.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("extract.log").toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "extracting the runtime jar failed; see " + work.resolve("extract.log"));
    }
    Path app = Files.createDirectories(work.resolve("app"));
    for (String layer :
        List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
      Path from = build.resolve("extracted").resolve(layer);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : files.toList()) {
          Path to = app.resolve(from.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else {
            Files.copy(file, to);
          }
        }
      }
    }
    return app;
  }

  /**
   * The training run, with no gateway and no real secret: Spring refreshes the application context
   * (every bean created, nothing connected) and exits, and the JVM writes the archive. Values only
   * this environment has (a fake secret, a gateway address that does not exist) must not end up in
   * the archive.
   */
  private Training train(Path app, String archive, String outputFlag)
      throws IOException, InterruptedException {
    List<String> command = jvm(TRAINING_SIZING);
    command.add(outputFlag + app.resolve(archive));
    command.add(TRAINING);
    command.add("-jar");
    command.add(app.resolve("runtime.jar").toString());
    Path log = app.getParent().resolve("train-" + archive + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(app.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = Footprint.cleanEnvironment(builder);
    String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
    env.put("SECRET_ZOHO_CLIENT_SECRET", canary);
    env.put("CAMUNDA_CLIENT_GRPCADDRESS", "http://" + canary + ".invalid:26500");
    env.put("SERVER_PORT", String.valueOf(Footprint.freePort()));
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "training run did not end within " + TRAINING_TIMEOUT + "; see " + log);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Path file = app.resolve(archive);
    if (process.exitValue() != 0 || !Files.exists(file)) {
      throw new IllegalStateException("training run wrote no " + archive + "; see " + log);
    }
    String shown =
        "java "
            + String.join(" ", command.subList(1, command.size())).replace(app.toString(), "app");
    return new Training(archive, shown, seconds, Files.size(file), contains(file, canary));
  }

  private Start start(
      Launch launch,
      int round,
      Path app,
      ConnectorRuntimeHarness engine,
      ZohoFixture zoho,
      Variant variant,
      int cancellations)
      throws Exception {
    List<String> command = jvm(Footprint.CONTAINER_FLAGS);
    Path archive =
        switch (launch) {
          case RUNTIME_JAR, EXTRACTED -> null;
          case CDS_ARCHIVE -> app.resolve(CDS_ARCHIVE);
          case AOT_CACHE -> app.resolve(AOT_CACHE);
        };
    switch (launch) {
      case RUNTIME_JAR, EXTRACTED -> {}
      case CDS_ARCHIVE -> command.add("-XX:SharedArchiveFile=" + archive);
      case AOT_CACHE -> command.add("-XX:AOTCache=" + archive);
    }
    command.add("-jar");
    command.add(
        launch == Launch.RUNTIME_JAR
            ? settings.runtimeJar().toString()
            : app.resolve("runtime.jar").toString());
    Path log =
        app.getParent()
            .resolve("start-" + launch.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(app.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Footprint.cleanEnvironment(builder).putAll(Footprint.runtimeEnvironment(engine, zoho));
    double load = MachineInfo.oneMinuteLoad();
    long spawned = System.nanoTime();
    Process process = builder.start();
    try {
      double ready = Footprint.awaitStarted(process, log, spawned, 1);
      double cpu = cpuSeconds(process.pid());
      double springStarted = Footprint.springStartedSeconds(log);
      boolean used = archive == null || archiveUsed(log);
      Thread.sleep(2000);
      long idle = Footprint.status(process.pid(), "VmRSS");
      long anon = Footprint.status(process.pid(), "RssAnon");
      long file = Footprint.status(process.pid(), "RssFile");
      int completed = Footprint.cancel(engine, zoho, variant, cancellations);
      Thread.sleep(1000);
      long after = Footprint.status(process.pid(), "VmRSS");
      return new Start(
          launch,
          round,
          ready,
          cpu,
          springStarted,
          idle,
          anon,
          file,
          after,
          cancellations,
          completed,
          used,
          load);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static List<String> jvm(List<String> sizing) {
    List<String> command = new ArrayList<>();
    command.add(java());
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(sizing);
    return command;
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * A JVM that cannot use its archive (another class path, a changed jar, another JDK) says so on
   * stdout ("[error][cds] shared class paths mismatch", "Unable to use shared archive") and starts
   * without it; with the archive it prints nothing of its own.
   */
  private static boolean archiveUsed(Path log) throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .noneMatch(l -> ARCHIVE_PROBLEM.matcher(l).find());
  }

  /**
   * CPU time the process has used (user + system, all threads), from /proc/PID/stat: on a machine
   * shared with other work this varies far less than the wall-clock time to ready.
   */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // Fields after the command name in brackets, from field 3 (state): utime is field 14, stime 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
        / (double) CLOCK_TICKS_PER_SECOND;
  }

  private static boolean contains(Path file, String text) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + wanted.length <= bytes.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  // --- docs/BENCHMARKS.md ----------------------------------------------------------------------

  static void markdown(Result result, StringBuilder md) {
    md.append("### 4.1 Start-up with a class-data archive (CDS, AOT cache)\n\n");
    md.append(
        "This part alone: `"
            + Settings.COMMAND
            + " -Dbenchmark.sections=4 -Dbenchmark.output=target/footprint.md`"
            + " (it also measures the table above; written elsewhere, so this file keeps the other parts'"
            + " numbers; `target/benchmark-cds/` keeps the extracted runtime, the archives and every"
            + " start's log).\n\n");
    md.append(
            "The runtime jar extracted as `docs/runtime/Dockerfile` extracts it (`java -Djarmode=tools -jar"
                + " runtime.jar extract --layers`, the four layers merged into `app/`), then one training run"
                + " per archive as Spring Boot documents it: the application context is refreshed (every bean"
                + " created, nothing connected: no gateway needed, no real secret given) and the JVM exits and"
                + " writes the archive. The training JVM is sized as the Dockerfile sizes it (`")
        .append(String.join(" ", TRAINING_SIZING))
        .append("`), every runtime start as the container (`")
        .append(String.join(" ", Footprint.CONTAINER_FLAGS))
        .append("`). ")
        .append(result.jdk())
        .append("; load average ")
        .append(result.loadBefore())
        .append(" before, ")
        .append(result.loadAfter())
        .append(" after.\n\n");
    md.append(
        "| Training run | Archive size | Took | Holds the fake secret and gateway address its environment had |\n");
    md.append("|---|---:|---:|---|\n");
    for (Training training : result.trainings()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %.0f MB | %.0f s | %s |\n",
              training.command(),
              training.bytes() / 1024.0 / 1024.0,
              training.seconds(),
              training.canaryFound() ? "**yes**" : "no"));
    }
    int rounds = result.starts().stream().mapToInt(Start::round).max().orElse(0);
    md.append("\nThen each launch started ")
        .append(rounds == 1 ? "once" : rounds + " times")
        .append(
            " against the in-memory engine's gateway, taking turns (forwards, then backwards),"
                + " each start processing ")
        .append(result.starts().isEmpty() ? 0 : result.starts().getFirst().cancellations())
        .append(
            " cancellations. Medians, the range in brackets; \"vs extracted\" is the median of each"
                + " round's difference to the extracted runtime without an archive (started in the same"
                + " round, so under about the same load). \"CPU time until ready\": user and system time"
                + " of the runtime's JVM (all its threads, JIT compilers and GC included) when it became"
                + " ready; on a shared machine it depends far less on the other load than the"
                + " wall-clock time does.\n\n");
    md.append(
        "| Launch | Ready (spawn to worker open) | vs extracted | CPU time until ready | vs extracted |"
            + " Resident, idle | of it anonymous / file-backed | vs extracted | Resident after the"
            + " cancellations | Completed | Archive in use |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Launch launch : Launch.values()) {
      List<Start> runs = result.starts().stream().filter(s -> s.launch() == launch).toList();
      if (runs.isEmpty()) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s: `%s` | %s | %s | %s | %s | %s | %.0f / %.0f MB | %s | %s | %d of %d | %s |\n",
              launch.label,
              launch.command,
              median(runs, Start::readySeconds, "%.1f s"),
              versusExtracted(result, launch, Start::readySeconds, "%+.1f s"),
              median(runs, Start::cpuSecondsToReady, "%.1f s"),
              versusExtracted(result, launch, Start::cpuSecondsToReady, "%+.1f s"),
              median(runs, s -> s.rssIdleKb() / 1024.0, "%.0f MB"),
              medianOf(runs.stream().mapToDouble(s -> s.rssAnonIdleKb() / 1024.0).toArray()),
              medianOf(runs.stream().mapToDouble(s -> s.rssFileIdleKb() / 1024.0).toArray()),
              versusExtracted(result, launch, s -> s.rssIdleKb() / 1024.0, "%+.0f MB"),
              median(runs, s -> s.rssAfterKb() / 1024.0, "%.0f MB"),
              runs.stream().mapToInt(Start::completed).sum(),
              runs.stream().mapToInt(Start::cancellations).sum(),
              launch == Launch.RUNTIME_JAR || launch == Launch.EXTRACTED
                  ? "-"
                  : runs.stream().filter(Start::archiveUsed).count() + " of " + runs.size()));
    }
    md.append("\nOne-minute load average at each start: ")
        .append(
            String.join(
                ", ",
                result.starts().stream()
                    .map(s -> String.format(Locale.ROOT, "%.1f", s.load()))
                    .toList()))
        .append(
            ". \"Archive in use\": the JVM reported no problem with it (a JVM that cannot use its"
                + " archive, for instance after the jar changed, says so on stdout and loads every class"
                + " from the jars).\n\n");
  }

  private static String median(List<Start> runs, ToDoubleFunction<Start> value, String format) {
    double[] values = runs.stream().mapToDouble(value).sorted().toArray();
    String median = String.format(Locale.ROOT, format, medianOf(values));
    return values.length < 2
        ? median
        : median
            + String.format(
                Locale.ROOT,
                " (" + format + " to " + format + ")",
                values[0],
                values[values.length - 1]);
  }

  private static String versusExtracted(
      Result result, Launch launch, ToDoubleFunction<Start> value, String format) {
    if (launch == Launch.EXTRACTED) {
      return "-";
    }
    List<Double> differences = new ArrayList<>();
    for (Start start : result.starts()) {
      if (start.launch() != launch) {
        continue;
      }
      result.starts().stream()
          .filter(s -> s.launch() == Launch.EXTRACTED && s.round() == start.round())
          .findFirst()
          .ifPresent(
              base -> differences.add(value.applyAsDouble(start) - value.applyAsDouble(base)));
    }
    return differences.isEmpty()
        ? "-"
        : String.format(
            Locale.ROOT, format, medianOf(differences.stream().mapToDouble(d -> d).toArray()));
  }

  private static double medianOf(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
