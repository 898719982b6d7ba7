package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.CallOverhead.Score;
import dev.zohoconnect.benchmark.EngineRun.Outcome;
import dev.zohoconnect.benchmark.Footprint.RuntimeFootprint;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns the measurements into docs/BENCHMARKS.md. */
final class Report {

  static final String FIXES_START = "<!-- fixes:start (kept by the generator) -->";
  static final String FIXES_END = "<!-- fixes:end -->";

  private final Settings settings;
  private final MachineInfo machine;
  private final Map<String, String> loadAtSectionStart = new LinkedHashMap<>();
  private final Map<String, Long> sectionStart = new LinkedHashMap<>();

  List<Score> overhead = List.of();
  List<PairedCalls.Paired> paired = List.of();
  List<Outcome> throughput = List.of();
  List<Outcome> tokens = List.of();
  Footprint.Result footprint;
  ClassDataSharing.Result startup;
  double durationSeconds;

  Report(Settings settings, MachineInfo machine) {
    this.settings = settings;
    this.machine = machine;
  }

  void section(String name) {
    loadAtSectionStart.put(name, MachineInfo.loadAverage());
    sectionStart.put(name, System.nanoTime());
  }

  String markdown() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks: cost per cancellation\n\n");
    md.append(
        "What an operator pays per cancelled meeting with this connector, against the physical limit"
            + " (a bare JDK `HttpClient` POST of the same request) and against the alternative a Camunda"
            + " user would otherwise pick: Camunda's REST connector (`io.camunda.connector:connector-http-json:"
            + "8.8.7`) configured by hand for the same Zoho call. Parts 1 to 4 come from one run"
            + " of the suite on one machine, against the Zoho emulator on loopback, with no injected latency"
            + " and with a realistic 150 ms Zoho answer time. Sections 5 and 6 measure this connector"
            + " against Zoho's own limits (concurrent calls per org, tokens per refresh token); they can"
            + " run on their own, so each carries its own command, date and load.\n\n");
    md.append(
            "Reproduce (JDK 21 or newer, from the project root; this file's parts 1-4 came from a run of sections ")
        .append(String.join(", ", settings.sections()))
        .append(" that took about ")
        .append(Math.max(1, Math.round(durationSeconds / 60)))
        .append(" minutes here, after a build of about a minute):\n\n");
    md.append(commandsBlock());
    md.append(
        "Each command builds the jars, skips the tests and runs `dev.zohoconnect.benchmark.BenchmarkSuite`"
            + " (test sources, `src/test/java/dev/zohoconnect/benchmark/`), which writes this file. Tables"
            + " and the text around them are generated, and a run replaces only the sections it ran;"
            + " only the section \"Fixes made from these measurements\" is written by hand and kept"
            + " across runs.\n\n");
    machine(md);
    summary(md);
    overhead(md);
    throughput(md);
    tokens(md);
    footprint(md);
    fixes(md);
    caveats(md);
    return md.toString();
  }

  static final String COMMANDS_ID = "commands";

  /** The commands that run all or some sections, as a block a run of any section rewrites. */
  static String commandsBlock() {
    String run = Settings.COMMAND;
    return ReportBlocks.wrap(
        COMMANDS_ID,
        "```\n"
            + run
            + "                                     # every section\n"
            + run
            + " -Dbenchmark.sections=limits,tokens  # only sections 5 and 6 (Zoho's limits)\n"
            + run
            + " -Dbenchmark.sections=2,3            # any of 1, 2, 3, 4, limits, tokens\n"
            + run
            + " -Dbenchmark.sections=1 -Dbenchmark.jmh=false  # part 1's paired cross-check only\n"
            + "```\n\n"
            + "`-Dbenchmark.output=target/some.md` writes elsewhere; `-Dbenchmark.jmh=false` leaves"
            + " out part 1's JMH runs; `-Dbenchmark.quick=true` shortens any of them (to check the"
            + " wiring only);"
            + " `-Dbenchmark.limits.runtimes=1,2`, `-Dbenchmark.limits.orgLimits=10`,"
            + " `-Dbenchmark.limits.seconds=6` and `-Dbenchmark.tokens.runtimes=1,16` narrow or"
            + " lengthen sections 5 and 6.");
  }

  // ---------------------------------------------------------------------------------------------

  private void machine(StringBuilder md) {
    md.append("## Machine and run\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Date | ").append(machine.date()).append(" |\n");
    md.append("| CPU | ")
        .append(machine.cpuModel())
        .append(", ")
        .append(machine.cores())
        .append(" cores |\n");
    md.append("| Memory | ")
        .append(String.format(Locale.ROOT, "%,d MB", machine.memoryMb()))
        .append(" |\n");
    md.append("| JDK | ").append(machine.jdk()).append(" (jars target Java 21) |\n");
    md.append("| OS | ").append(machine.os()).append(" |\n");
    md.append("| Suite duration | ").append(Math.round(durationSeconds)).append(" s |\n");
    md.append("| Load average (1, 5, 15 min) at the start of each part | ");
    StringBuilder loads = new StringBuilder();
    loadAtSectionStart.forEach(
        (name, load) ->
            loads.append(loads.isEmpty() ? "" : "; ").append(name).append(": ").append(load));
    md.append(loads).append(" |\n");
    md.append("| Time per part | ");
    List<String> names = List.copyOf(sectionStart.keySet());
    StringBuilder times = new StringBuilder();
    for (int i = 0; i + 1 < names.size(); i++) {
      long seconds =
          (sectionStart.get(names.get(i + 1)) - sectionStart.get(names.get(i))) / 1_000_000_000L;
      times
          .append(times.isEmpty() ? "" : "; ")
          .append(names.get(i))
          .append(": ")
          .append(seconds)
          .append(" s");
    }
    md.append(times).append(" |\n");
    if (settings.quick()) {
      md.append(
          "| Mode | **quick** (-Dbenchmark.quick=true): shortened, for checking the wiring only |\n");
    }
    md.append('\n');
  }

  private void summary(StringBuilder md) {
    md.append("## Summary\n\n");
    List<String> behind = behindRest();
    md.append(
        behind.isEmpty()
            ? "This connector is ahead of or level with the REST connector in every measurement below.\n\n"
            : "Where this connector is behind the REST connector in this run: "
                + String.join("; ", behind)
                + ". Everywhere else it is ahead or level.\n\n");
    for (int latency : settings.latenciesMs()) {
      Optional<Score> bare = score("bareHttpClient", latency);
      Optional<Score> ours = score("connectorAccessToken", latency);
      Optional<Score> rest = score("restConnector", latency);
      if (bare.isPresent() && ours.isPresent()) {
        md.append(
            String.format(
                Locale.ROOT,
                "- **Per call, %d ms Zoho latency (medians):** this connector %s µs against %s µs for"
                    + " a bare `HttpClient` POST: %+.0f µs, ratio %.2f",
                latency,
                micros(ours.get().median()),
                micros(bare.get().median()),
                ours.get().median() - bare.get().median(),
                ours.get().median() / bare.get().median()));
        rest.ifPresent(
            r ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "; Camunda's REST connector %s µs (ratio %.2f to bare, %.2f to this connector)",
                        micros(r.median()),
                        r.median() / bare.get().median(),
                        r.median() / ours.get().median())));
        md.append(".\n");
      }
    }
    for (int latency : settings.latenciesMs()) {
      for (String auth : List.of("access token", "refresh token")) {
        Optional<Runs> ours = runs(throughput, latency, "this connector", auth);
        Optional<Runs> rest = runs(throughput, latency, "REST connector", auth);
        if (ours.isPresent() && rest.isPresent()) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "- **Through the engine, %s, %d ms:** %.0f against %.0f process instances/s (ratio %.2f).\n",
                  auth,
                  latency,
                  ours.get().rate(),
                  rest.get().rate(),
                  ours.get().rate() / rest.get().rate()));
        }
      }
    }
    for (int latency : settings.latenciesMs()) {
      Optional<Outcome> ours = outcome(tokens, latency, "this connector", "refresh token");
      Optional<Outcome> rest = outcome(tokens, latency, "REST connector", "refresh token");
      if (ours.isPresent() && rest.isPresent()) {
        md.append(
            String.format(
                Locale.ROOT,
                "- **Token economy, %d ms, %d cancellations, %d parallel jobs:** this connector called the"
                    + " token endpoint %d time(s) and cancelled %d meetings; the REST connector called it %d"
                    + " times, was refused %d times by Zoho's limit and cancelled %d.\n",
                latency,
                ours.get().instances(),
                settings.parallelJobs(),
                ours.get().tokenCalls(),
                ours.get().completed(),
                rest.get().tokenCalls(),
                rest.get().tokenCallsRefused(),
                rest.get().completed()));
      }
    }
    if (footprint != null) {
      List<RuntimeFootprint> ours =
          footprint.runtimes().stream()
              .filter(r -> r.label().equals(Footprint.CONNECTOR_LABEL))
              .toList();
      List<RuntimeFootprint> rest =
          footprint.runtimes().stream()
              .filter(r -> r.label().equals(Footprint.REST_LABEL))
              .toList();
      md.append(
          String.format(
              Locale.ROOT,
              "- **Footprint:** connector jar %s (the REST connector's own jars: %s, its HTTP library"
                  + " %s more, shipped by the runtime); standalone runtime ready in %.1f s, %.0f MB"
                  + " resident after %d cancellations (with the REST connector added and doing the"
                  + " same: %.1f s, %.0f MB).\n",
              kb(footprint.jars().connectorJar()),
              kb(footprint.jars().restConnectorJars()),
              kb(footprint.jars().restHttpLibraries()),
              ours.stream()
                  .mapToDouble(RuntimeFootprint::startSeconds)
                  .average()
                  .orElse(Double.NaN),
              ours.stream().mapToDouble(r -> r.rssAfterKb() / 1024.0).average().orElse(Double.NaN),
              ours.isEmpty() ? 0 : ours.get(0).cancellations(),
              rest.stream()
                  .mapToDouble(RuntimeFootprint::startSeconds)
                  .average()
                  .orElse(Double.NaN),
              rest.stream()
                  .mapToDouble(r -> r.rssAfterKb() / 1024.0)
                  .average()
                  .orElse(Double.NaN)));
    }
    md.append('\n');
  }

  /** Every measurement of this run in which this connector did worse than the REST connector. */
  private List<String> behindRest() {
    List<String> behind = new java.util.ArrayList<>();
    for (int latency : settings.latenciesMs()) {
      Optional<Score> ours = score("connectorAccessToken", latency);
      Optional<Score> rest = score("restConnector", latency);
      if (ours.isPresent() && rest.isPresent() && ours.get().median() > rest.get().median()) {
        behind.add(String.format(Locale.ROOT, "median time per call at %d ms", latency));
      }
      for (String auth : List.of("access token", "refresh token")) {
        Optional<Runs> o = runs(throughput, latency, "this connector", auth);
        Optional<Runs> r = runs(throughput, latency, "REST connector", auth);
        if (o.isPresent() && r.isPresent() && o.get().rate() < r.get().rate()) {
          behind.add(String.format(Locale.ROOT, "engine throughput, %s, %d ms", auth, latency));
        }
      }
      Optional<Outcome> ot = outcome(tokens, latency, "this connector", "refresh token");
      Optional<Outcome> rt = outcome(tokens, latency, "REST connector", "refresh token");
      if (ot.isPresent() && rt.isPresent() && ot.get().tokenCalls() > rt.get().tokenCalls()) {
        behind.add(String.format(Locale.ROOT, "token calls at %d ms", latency));
      }
    }
    if (footprint != null) {
      if (footprint.jars().connectorJar() > footprint.jars().restConnectorJars()) {
        behind.add(
            String.format(
                Locale.ROOT,
                "size of the connector's own jar (%s against %s; the REST connector's HTTP code and libraries, %s"
                    + " more, come with the runtime)",
                kb(footprint.jars().connectorJar()),
                kb(footprint.jars().restConnectorJars()),
                kb(footprint.jars().restHttpLibraries())));
      }
      double oursStart = mean(Footprint.CONNECTOR_LABEL, RuntimeFootprint::startSeconds);
      double restStart = mean(Footprint.REST_LABEL, RuntimeFootprint::startSeconds);
      if (oursStart > restStart) {
        behind.add(
            String.format(
                Locale.ROOT, "runtime start (%.1f s against %.1f s)", oursStart, restStart));
      }
      double oursRss = mean(Footprint.CONNECTOR_LABEL, r -> r.rssAfterKb() / 1024.0);
      double restRss = mean(Footprint.REST_LABEL, r -> r.rssAfterKb() / 1024.0);
      if (oursRss > restRss) {
        behind.add(
            String.format(
                Locale.ROOT,
                "runtime resident memory (%.0f MB against %.0f MB)",
                oursRss,
                restRss));
      }
    }
    return behind;
  }

  private double mean(String label, java.util.function.ToDoubleFunction<RuntimeFootprint> value) {
    return footprint.runtimes().stream()
        .filter(r -> r.label().equals(label))
        .mapToDouble(value)
        .average()
        .orElse(Double.NaN);
  }

  private void overhead(StringBuilder md) {
    md.append("## 1. Overhead per call (JMH, in process)\n\n");
    md.append(
        "One cancellation at a time on one thread; the emulator answers on loopback in the same JVM."
            + " Every invocation cancels a new meeting, prepared outside the measured time.\n\n"
            + "- **bare HttpClient**: the physical limit. A JDK `HttpClient` (HTTP/1.1, one shared"
            + " client) POSTs the same request with the header and body already known, and reads the"
            + " answer as a string. No binding, validation, parsing or error mapping.\n"
            + "- **this connector**: `CancelMeetingFunction.execute` as the runtime calls it, with the"
            + " runtime's own job context (`JobHandlerContext`): secret replacement, binding of the job"
            + " variables with the runtime's object mapper and Jakarta Bean Validation, then the"
            + " connector's validation, token, request, answer parsing and result. With an access token,"
            + " and with a refresh token (the cached access token after the first call).\n"
            + "- **REST connector**: Camunda's `HttpJsonFunction` 8.8.7 with the same job context, POST,"
            + " the Zoho header in `headers`, the body as a map.\n\n"
            + "Each benchmark runs in several JMH forks (3 rounds without latency, the two diagnostics 2;"
            + " 2 rounds with latency), and the"
            + " forks of all benchmarks take turns, so a change in the machine's other load falls on"
            + " all of them alike. JMH samples the calls' times (mode SampleTime); the samples of all"
            + " forks are pooled. The median is the headline: on a busy 2-core machine the OS now and"
            + " then leaves a thread unscheduled for milliseconds, which moves the mean (shown with its"
            + " 99.9 % confidence half-width) far more than the median. Allocation"
            + " is JMH's `gc.alloc.rate.norm` (bytes allocated per call by the whole JVM, the emulator's"
            + " server side included, so compare differences).\n\n");
    if (overhead.isEmpty()) {
      md.append(
          "JMH was not run in this run (-Dbenchmark.jmh=false); only the cross-check below.\n\n");
    }
    for (int latency : overhead.isEmpty() ? List.<Integer>of() : settings.latenciesMs()) {
      Optional<Score> bare = score("bareHttpClient", latency);
      md.append("### ").append(latency).append(" ms Zoho latency\n\n");
      md.append(
          "| Call | median µs | over bare (median) | ratio to bare (median) | p90 µs | mean µs ± 99.9 % |"
              + " bytes allocated per call | calls sampled |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (String name :
          List.of(
              "bareHttpClient",
              "connectorAccessToken",
              "connectorRefreshToken",
              "restConnector",
              "runtimeBindingOnly",
              "bareHttpClientAsync")) {
        Optional<Score> s = score(name, latency);
        if (s.isEmpty()) {
          continue;
        }
        Score score = s.get();
        md.append("| ")
            .append(label(name))
            .append(" | ")
            .append(micros(score.median()))
            .append(" | ");
        if (name.equals("runtimeBindingOnly")) {
          md.append("(no call) | – | ");
        } else if (bare.isPresent() && !name.equals("bareHttpClient")) {
          md.append(String.format(Locale.ROOT, "%+.1f µs", score.median() - bare.get().median()))
              .append(" | ")
              .append(String.format(Locale.ROOT, "%.3f", score.median() / bare.get().median()))
              .append(" | ");
        } else {
          md.append("– | 1 | ");
        }
        md.append(micros(score.p90()))
            .append(" | ")
            .append(micros(score.mean()))
            .append(" ± ")
            .append(micros(score.meanError()))
            .append(" | ")
            .append(String.format(Locale.ROOT, "%,.0f", score.allocBytes()))
            .append(" | ")
            .append(String.format(Locale.ROOT, "%,d", score.samples()))
            .append(" |\n");
      }
      md.append('\n');
    }
    if (!paired.isEmpty()) {
      PairedCalls.Paired bare = paired.get(0);
      md.append("### Cross-check: the same calls taking turns in one JVM (0 ms)\n\n");
      md.append(
          "JMH measures each variant in forks of its own, one after the other; on a shared machine two"
              + " forks can meet different loads. Here the calls take turns call by call in one"
              + " JVM (bare, connector with access token, with refresh token, REST connector, the runtime's"
              + " binding alone), in a new random order every round, so each sees the same machine and"
              + " none always follows the same neighbour. Calling-thread CPU counts only the time the calling"
              + " thread ran (including the exchange for whatever of it the client runs on the"
              + " calling thread). Bytes allocated are the whole JVM's during the call, the"
              + " emulator's server side included (the same for every call): compare differences.\n\n");
      md.append(
          "| Call | median µs | over bare (median) | ratio to bare (median) | p90 µs | calling-thread CPU µs"
              + " | bytes allocated per call | over bare | calls |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (PairedCalls.Paired p : paired) {
        boolean isBare = p == bare;
        // The binding row makes no call: its figures are a part of the connector's, not a call's.
        boolean noCall = p.call().equals("runtimeBindingOnly");
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %.1f | %,.0f | %s | %,d |\n",
                label(p.call()),
                micros(p.medianMicros()),
                isBare
                    ? "–"
                    : noCall
                        ? "(no call)"
                        : String.format(
                            Locale.ROOT, "%+.1f µs", p.medianMicros() - bare.medianMicros()),
                isBare
                    ? "1"
                    : noCall
                        ? "–"
                        : String.format(
                            Locale.ROOT, "%.3f", p.medianMicros() / bare.medianMicros()),
                micros(p.p90Micros()),
                p.callerCpuMicros(),
                p.allocatedBytes(),
                isBare || noCall
                    ? "–"
                    : String.format(
                        Locale.ROOT,
                        "%+,.1f KB",
                        (p.allocatedBytes() - bare.allocatedBytes()) / 1000),
                p.calls()));
      }
      md.append('\n');
    }
  }

  private void throughput(StringBuilder md) {
    md.append("## 2. Throughput through the engine\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Process instances per second completed end to end: the in-memory Zeebe engine"
                + " (zeebe-process-test 8.8) and Camunda's real connector runtime (`SpringConnectorJobHandler`"
                + " 8.8.7) in one JVM, %d job-handler threads (%d parallel jobs), each instance created with"
                + " \"await result\" and at most 64 in flight. Each run: a fresh engine, emulator and"
                + " connector instances, %d warm-up instances, then %d measured (%d with latency). Every"
                + " variant runs twice,"
                + " in the order A B C D D C B A after one discarded pass over all of them (%d instances"
                + " each), so the JIT still warming up and the machine's other load fall on all alike;"
                + " the rate shown is both runs' instances over both runs' time, each run's own rate in"
                + " brackets. Both connectors' tasks are configured as their element templates write them"
                + " (result variable or expression, error expression, 3 retries).\n\n",
            settings.parallelJobs(),
            settings.parallelJobs(),
            settings.warmupInstances(),
            settings.throughputInstances(0),
            settings.throughputInstances(150),
            settings.instances() / 2));
    md.append(
        "- **access token**: this connector with `authentication.type = accessToken`; the REST connector"
            + " with `Authorization: Zoho-oauthtoken {{secrets.ZOHO_ACCESS_TOKEN}}` in `headers` (its"
            + " bearer authentication would send `Bearer`, which Zoho ignores).\n"
            + "- **refresh token**: this connector with Zoho's refresh-token grant (its template default;"
            + " one cached token for all jobs). The REST connector 8.8.7 cannot do that grant: its only"
            + " OAuth type, `oauth-client-credentials-flow`, always sends `grant_type=client_credentials`"
            + " and then `Authorization: Bearer <token>`, neither of which Zoho CRM accepts. The closest"
            + " working configuration is what a user has to model: a REST task that POSTs the refresh-token"
            + " grant to `/oauth/v2/token` (result expression `{zohoToken: response.body.access_token}`)"
            + " before the REST cancel task, i.e. a token per cancellation. Here that token task goes to a"
            + " token endpoint with Zoho's answer and latency but *without* Zoho's refresh limit, so the"
            + " row shows what the extra call and task cost; part 3 shows what Zoho's limit does to it.\n\n");
    md.append(
        "| Zoho latency | Authentication | This connector, inst/s (runs) | REST connector, inst/s (runs) |"
            + " Ratio | p50 / p99 ms, this connector | p50 / p99 ms, REST | Failed instances (this / REST) |"
            + " Token calls per 1,000 (this / REST) |\n");
    md.append("|---:|---|---:|---:|---:|---|---|---|---|\n");
    for (int latency : settings.latenciesMs()) {
      for (String auth : List.of("access token", "refresh token")) {
        Optional<Runs> ours = runs(throughput, latency, "this connector", auth);
        Optional<Runs> rest = runs(throughput, latency, "REST connector", auth);
        if (ours.isEmpty() || rest.isEmpty()) {
          continue;
        }
        Runs o = ours.get();
        Runs r = rest.get();
        md.append(
            String.format(
                Locale.ROOT,
                "| %d ms | %s | **%.1f** (%s) | **%.1f** (%s) | %.2f | %.0f / %.0f | %.0f / %.0f | %d / %d | %.0f / %.0f |\n",
                latency,
                auth,
                o.rate(),
                o.rates(),
                r.rate(),
                r.rates(),
                o.rate() / r.rate(),
                o.p50(),
                o.p99(),
                r.p50(),
                r.p99(),
                o.failed(),
                r.failed(),
                o.tokenCallsPer1000(),
                r.tokenCallsPer1000()));
      }
    }
    md.append(
        String.format(
            Locale.ROOT,
            "\nThe emulator stood in for an Ultimate-edition org (%d concurrent calls allowed) so the %d"
                + " parallel jobs never met Zoho's concurrency limit; 429 answers during the measured"
                + " batches: %d.\n\n",
            ZohoFixture.ULTIMATE_CONCURRENCY_LIMIT,
            settings.parallelJobs(),
            throughput.stream().mapToLong(Outcome::tooManyRequests).sum()));
  }

  private void tokens(StringBuilder md) {
    md.append("## 3. Token economy\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d cancellations with %d parallel jobs through the engine, from a cold start (no token"
                + " cached), with the refresh-token configurations of part 2, both against the emulator's"
                + " own token endpoint, which enforces Zoho's documented limit: at most %d access tokens per"
                + " refresh token in 10 minutes, then \"Access Denied\" (HTTP 200 without `access_token`).\n\n",
            settings.instances(),
            settings.parallelJobs(),
            EngineRun.ZOHO_REFRESHES_PER_WINDOW));
    md.append(
        "| Zoho latency | Side | Token-endpoint calls | Per 1,000 cancellations | Refused by the limit |"
            + " Meetings cancelled | Instances failed (at the token task / at the cancel task) |"
            + " Cancel calls sent / refused by Zoho | Time |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Outcome o : tokens) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d ms | %s | %d | %.1f | %d | %d of %d | %d (%d / %d) | %d / %d | %.1f s |\n",
              o.latencyMs(),
              o.variant().side,
              o.tokenCalls(),
              o.tokenCallsPer1000(),
              o.tokenCallsRefused(),
              o.completed(),
              o.instances(),
              o.failed(),
              o.failedAtTokenTask(),
              o.failed() - o.failedAtTokenTask(),
              o.cancelCalls(),
              o.cancelCalls() - o.cancellations(),
              o.seconds()));
    }
    md.append(
        "\nWhat the limit means in operation: this connector shares one access token per credential set"
            + " across all jobs of a runtime and renews it once, single-flight, 5 minutes before its hour"
            + " is up, so it needs about one refresh per 55 minutes per runtime instance whatever the"
            + " load: 10 refreshes per 10 minutes leave room for about 10 runtime instances restarting"
            + " at once. A configuration that fetches a token per cancellation can cancel at most 10"
            + " meetings per 10 minutes per refresh token (one a minute), however many jobs wait. Note"
            + " where the others fail: Zoho refuses the grant with HTTP 200, so the REST token task"
            + " \"succeeds\" with no token, and the cancel call that follows goes out without one and is"
            + " refused (401); as configured here the instance then ends at its error event (without an"
            + " error expression, the job would be retried and end in an incident). Zoho also"
            + " keeps at most 15 access tokens alive per refresh token, so with more refreshes the"
            + " oldest tokens die while jobs still use them.\n\n");
  }

  private void footprint(StringBuilder md) {
    md.append("## 4. Footprint\n\n");
    if (footprint == null) {
      md.append("Not measured.\n\n");
      return;
    }
    Footprint.JarSizes jars = footprint.jars();
    md.append("| What | Size |\n|---|---:|\n");
    md.append("| This connector's jar (")
        .append(jars.connectorClasses())
        .append(" classes; needs only the SDK and Jackson, which every runtime has) | ")
        .append(kb(jars.connectorJar()))
        .append(" |\n");
    md.append("| REST connector's own jars (")
        .append(String.join(", ", jars.restConnectorJarNames()))
        .append(") | ")
        .append(kb(jars.restConnectorJars()))
        .append(" |\n");
    md.append(
            "| Libraries the REST connector needs on top, which Camunda's runtime already ships (")
        .append(String.join(", ", jars.restHttpLibraryNames()))
        .append("; plus Google's HTTP and auth libraries and Guava) | ")
        .append(kb(jars.restHttpLibraries()))
        .append(" (the first four alone) |\n");
    md.append("| Standalone runtime jar (Spring Boot, Camunda's connectors starter 8.8.7, ")
        .append(jars.runtimeLibraries())
        .append(" libraries) | ")
        .append(mb(jars.runtimeJar() / 1024))
        .append(" |\n\n");
    md.append(
            "The standalone runtime (`target/*-runtime.jar`) started as an operator starts it, with the"
                + " JVM sized as in the documented container (")
        .append("`")
        .append(String.join(" ", Footprint.CONTAINER_FLAGS))
        .append("`")
        .append(
            ", i.e. a 768 MiB limit), connected to the in-memory engine's gateway, processing"
                + " cancellations with its shipped settings (5 job threads). For the REST connector the"
                + " same runtime gets the REST connector's jars on its class path (the runtime already"
                + " has the REST connector's HTTP library), as the connectors bundle image adds"
                + " `/opt/custom/*`; it then hosts both connectors.\n\n");
    md.append(
        "| Runtime | Ready (spawn to worker open) | Spring's \"process running for\" | Resident, idle |"
            + " Resident after the cancellations | Peak resident | Cancellations completed |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (String label : List.of(Footprint.CONNECTOR_LABEL, Footprint.REST_LABEL)) {
      List<RuntimeFootprint> runs =
          footprint.runtimes().stream().filter(r -> r.label().equals(label)).toList();
      if (runs.isEmpty()) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s |\n",
              label,
              meanOf(runs, r -> r.startSeconds(), "%.1f s"),
              meanOf(runs, r -> r.springStartedSeconds(), "%.1f s"),
              meanOf(runs, r -> r.rssIdleKb() / 1024.0, "%.0f MB"),
              meanOf(runs, r -> r.rssAfterKb() / 1024.0, "%.0f MB"),
              meanOf(runs, r -> r.rssPeakKb() / 1024.0, "%.0f MB"),
              runs.stream()
                  .map(r -> r.completed() + " of " + r.cancellations())
                  .toList()
                  .toString()));
    }
    md.append(
        "\nEach runtime was started twice, in the order A B B A (the first start of a jar also pays"
            + " for reading it from disk); shown is the mean, each start's own value in brackets.\n\n");
    if (startup != null) {
      ClassDataSharing.markdown(startup, md);
    }
  }

  private static String meanOf(
      List<RuntimeFootprint> runs,
      java.util.function.ToDoubleFunction<RuntimeFootprint> value,
      String format) {
    double mean = runs.stream().mapToDouble(value).average().orElse(Double.NaN);
    String each =
        String.join(
            ", ",
            runs.stream()
                .map(r -> String.format(Locale.ROOT, format, value.applyAsDouble(r)))
                .toList());
    return String.format(Locale.ROOT, format, mean) + (runs.size() > 1 ? " (" + each + ")" : "");
  }

  private void fixes(StringBuilder md) throws IOException {
    md.append("## Fixes made from these measurements\n\n");
    String kept = null;
    if (Files.exists(settings.output())) {
      String previous = Files.readString(settings.output());
      int start = previous.indexOf(FIXES_START);
      int end = previous.indexOf(FIXES_END);
      if (start >= 0 && end > start) {
        kept = previous.substring(start, end + FIXES_END.length());
      }
    }
    md.append(kept != null ? kept : FIXES_START + "\nNone recorded yet.\n" + FIXES_END)
        .append("\n\n");
  }

  private void caveats(StringBuilder md) {
    md.append("## Caveats\n\n");
    md.append(
        "- Everything shares 2 cores: the JMH benchmark, the emulator's HTTP server and, in parts 2-4,"
            + " the engine, the runtime's workers and the client. The absolute numbers are this"
            + " machine's; the ratios are what carries over.\n"
            + "- Loopback with no latency magnifies client overhead; with 150 ms, Zoho's answer time"
            + " dominates every call, which is the realistic case.\n"
            + "- With no latency the in-memory engine takes most of the CPU (it processes every record on"
            + " one thread); a connector's own CPU per call competes with it for the 2 cores, which is"
            + " how differences between the connectors show up there. With 150 ms the job threads"
            + " limit throughput: 16 threads / 0.15 s is about 107 cancellations per second at most,"
            + " less the engine's round trips.\n"
            + "- The emulator speaks plain http on loopback. Against Zoho every call is https: the"
            + " connector reuses its pooled TLS connections, while the REST connector 8.8.7 builds an"
            + " Apache client per call and opens a new connection each time, so against Zoho it would"
            + " also pay a TLS handshake per cancellation, which these numbers do not include.\n"
            + "- To reach the emulator, this connector's tasks use its custom-endpoint option, so each"
            + " job also runs the endpoint checks (cheap since they are remembered); with Zoho's own"
            + " hosts (the data-center setting) it skips them.\n"
            + "- JMH settings are short (forks, warm-up and measurement counts as in `CallOverhead`) to keep"
            + " the suite near 10 minutes. On a busy machine the means and their ± widen; the medians and"
            + " the cross-check hold up better. The load averages above tell how busy it was.\n"
            + "- Logging is at WARN for the runtime and both connectors (`benchmark-logback.xml`): the"
            + " connector's one INFO line per cancellation, which a production runtime writes, is not in"
            + " these numbers.\n"
            + "- The REST connector's refresh-token rows use a hand-modelled token task, because the 8.8.7"
            + " REST connector has no refresh-token grant; a Camunda user could also pass an access token"
            + " obtained elsewhere (the access-token rows), which then expires after an hour.\n"
            + "- The in-memory engine's own batch-operation actor (unused here) logs errors about its"
            + " in-memory database under this load and carries on; `benchmark-logback.xml` silences that"
            + " logger. Every instance's outcome is counted from its result.\n");
    if (settings.quick()) {
      md.append("- **Quick mode:** far too short for conclusions.\n");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private Optional<Score> score(String benchmark, int latency) {
    return overhead.stream()
        .filter(s -> s.benchmark().equals(benchmark) && s.latencyMs() == latency)
        .findFirst();
  }

  private static Optional<Outcome> outcome(
      List<Outcome> outcomes, int latency, String side, String auth) {
    return outcomes.stream()
        .filter(
            o ->
                o.latencyMs() == latency
                    && o.variant().side.equals(side)
                    && o.variant().authentication.equals(auth))
        .findFirst();
  }

  /** The runs of one variant at one latency (forwards and backwards order), combined. */
  record Runs(List<Outcome> outcomes) {
    /** All instances over all time: a rate weighted by run length. */
    double rate() {
      return outcomes.stream().mapToInt(Outcome::instances).sum()
          / outcomes.stream().mapToDouble(Outcome::seconds).sum();
    }

    String rates() {
      return String.join(
          ", ",
          outcomes.stream()
              .map(o -> String.format(Locale.ROOT, "%.1f", o.instancesPerSecond()))
              .toList());
    }

    double p50() {
      return outcomes.stream().mapToDouble(Outcome::p50Millis).average().orElse(Double.NaN);
    }

    double p99() {
      return outcomes.stream().mapToDouble(Outcome::p99Millis).average().orElse(Double.NaN);
    }

    int failed() {
      return outcomes.stream().mapToInt(o -> o.instances() - o.completed()).sum();
    }

    double tokenCallsPer1000() {
      return outcomes.stream().mapToLong(Outcome::tokenCalls).sum()
          * 1000.0
          / outcomes.stream().mapToInt(Outcome::instances).sum();
    }
  }

  private static Optional<Runs> runs(
      List<Outcome> outcomes, int latency, String side, String auth) {
    List<Outcome> matching =
        outcomes.stream()
            .filter(
                o ->
                    o.latencyMs() == latency
                        && o.variant().side.equals(side)
                        && o.variant().authentication.equals(auth))
            .toList();
    return matching.isEmpty() ? Optional.empty() : Optional.of(new Runs(matching));
  }

  private static String label(String benchmark) {
    return switch (benchmark) {
      case "bareHttpClient" -> "bare `HttpClient` POST (the limit)";
      case "connectorAccessToken" -> "this connector, access token";
      case "connectorRefreshToken" -> "this connector, refresh token (cached)";
      case "restConnector" -> "REST connector, access token in headers";
      case "bareHttpClientAsync" ->
          "diagnostic: the bare POST through `sendAsync(...).get(timeout)`, as the connector's transport"
              + " called the client until it moved to `send` with a body deadline of its own";
      case "runtimeBindingOnly" ->
          "of which the runtime's work for this connector's input (secret replacement, binding,"
              + " Bean Validation; no call)";
      default -> benchmark;
    };
  }

  private static String micros(double value) {
    return value >= 1000
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String kb(long bytes) {
    return String.format(Locale.ROOT, "%,.1f KB", bytes / 1024.0);
  }

  private static String mb(long kilobytes) {
    return String.format(Locale.ROOT, "%,.0f MB", kilobytes / 1024.0);
  }
}
