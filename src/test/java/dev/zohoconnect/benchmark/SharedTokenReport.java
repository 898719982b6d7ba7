package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.SharedRefreshTokenRun.Outcome;
import dev.zohoconnect.benchmark.SharedRefreshTokenRun.Phase;
import dev.zohoconnect.emulator.oauth.TokenService;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Section 6 of docs/BENCHMARKS.md: many runtimes on one refresh token. */
final class SharedTokenReport {

  static final String ID = Settings.TOKENS;

  private SharedTokenReport() {}

  static String markdown(SharedTokenSection.Result result) {
    StringBuilder md = new StringBuilder();
    md.append("## 6. Many runtimes on one refresh token\n\n");
    md.append("Run: ").append(result.run().describe()).append(".\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Zoho issues at most %d access tokens per refresh token in %d minutes (then \"Access"
                + " Denied\") and keeps at most %d of them alive (a new one silently invalidates the"
                + " oldest, whose next call is answered `INVALID_TOKEN`). Every runtime instance of"
                + " this connector caches its own token, so what counts is how many runtime instances"
                + " share one refresh token. Measured with real connector runtimes (Camunda's runtime,"
                + " as in part 2) on one in-memory engine, each with its own connector instance (own"
                + " token cache), %d job threads and the same client id, secret and refresh token,"
                + " against the emulator's token endpoint with both limits; Zoho answers after %d ms,"
                + " the org's concurrency limit is left out.\n\n",
            TokenService.MAX_REFRESHES_PER_WINDOW,
            TokenService.REFRESH_WINDOW.toMinutes(),
            TokenService.MAX_ALIVE_PER_REFRESH_TOKEN,
            SharedTokenSection.THREADS,
            SharedTokenSection.LATENCY_MS));
    md.append(
        String.format(
            Locale.ROOT,
            "Load comes in waves, one a minute, %d instances per runtime, taken by whichever runtime"
                + " asks first. **Cold start**: every runtime starts with an empty cache; the first wave"
                + " reaches them all at once. **Restart wave**: every runtime stopped and started again"
                + " at once (cold caches), %d minutes after the cold start settled, with no load in"
                + " between, so Zoho's refresh window no longer holds the cold start's refreshes. A"
                + " phase has settled once every runtime has cancelled a meeting and %d waves in a row"
                + " went through without a failed execution or a token refresh; it ends then, or after"
                + " %d minutes. Minutes pass quickly:"
                + " whenever nothing runs, the engine's and the emulator's clocks skip ahead (to the next"
                + " wave, or past the 60 s retry backoff the connector asks for after \"Access Denied\")"
                + " and the connectors read the emulator's clock, so token lifetimes, Zoho's window, the"
                + " connector's cool-downs and Zeebe's backoffs all see the same time. Times are on that"
                + " clock.\n\n",
            SharedTokenSection.INSTANCES_PER_RUNTIME_PER_WAVE,
            SharedTokenSection.RESTART_AFTER.toMinutes(),
            SharedRefreshTokenRun.SETTLED_AFTER_CLEAN_WAVES,
            result.runs().isEmpty() ? 0 : result.runs().getFirst().setup().phaseCap().toMinutes()));
    md.append(
        "| Runtimes | Phase | Began at | Waves | Token refreshes | \"Access Denied\" | INVALID_TOKEN"
            + " answers | Failed executions | Instances: completed / failed / not ended | Runtimes that"
            + " cancelled | Every runtime cancelling after | Settled: no failure, no refresh from |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
    for (Outcome outcome : result.runs()) {
      for (Phase p : outcome.phases()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %s | %s | %d | %d | %d | %d | %d | %d / **%d** / %d of %d | %d of %d | %s | %s |\n",
                outcome.setup().runtimes(),
                p.name(),
                minutes(p.startedAt()),
                p.waves(),
                p.tokenRefreshes(),
                p.accessDenied(),
                p.invalidTokenAnswers(),
                p.failedExecutions(),
                p.completed(),
                p.failed(),
                p.notEnded(),
                p.instances(),
                p.runtimesCancelled(),
                outcome.setup().runtimes(),
                p.allRuntimesCancelled() == null
                    ? "not within the phase"
                    : minutes(p.allRuntimesCancelled()),
                settled(p, outcome)));
      }
    }
    md.append('\n');
    md.append(conclusions(result));
    return ReportBlocks.wrap(ID, md.toString());
  }

  private static String settled(Phase p, Outcome outcome) {
    return p.settledAfter() != null
        ? minutes(p.settledAfter())
        : "not within " + outcome.setup().phaseCap().toMinutes() + " min";
  }

  /**
   * Every instance cancelled, every runtime cancelling, and not one token error (no "Access
   * Denied", no INVALID_TOKEN), in both phases.
   */
  static boolean clean(Outcome outcome) {
    return outcome.phases().stream()
        .allMatch(
            p ->
                p.failed() == 0
                    && p.notEnded() == 0
                    && p.accessDenied() == 0
                    && p.invalidTokenAnswers() == 0
                    && p.runtimesCancelled() == outcome.setup().runtimes());
  }

  private static String conclusions(SharedTokenSection.Result result) {
    Optional<Outcome> largestClean =
        result.runs().stream().takeWhile(SharedTokenReport::clean).reduce((a, b) -> b);
    Optional<Outcome> firstNot =
        result.runs().stream().filter(outcome -> !clean(outcome)).findFirst();
    StringBuilder md = new StringBuilder("What the numbers say");
    if (largestClean.isEmpty()) {
      md.append(": in this run even ")
          .append(result.runs().isEmpty() ? "–" : result.runs().getFirst().setup().runtimes())
          .append(" runtime(s) did not get through cleanly; see the table.\n\n");
      return md.toString();
    }
    int max = largestClean.get().setup().runtimes();
    md.append(
        String.format(
            Locale.ROOT,
            ": up to **%d runtime instances** shared one refresh token without a single token error"
                + " (no \"Access Denied\", no `INVALID_TOKEN`) and with every instance cancelled,"
                + " through the cold start and the restart wave: one token refresh per runtime per"
                + " phase%s.",
            max,
            firstNot.isPresent() ? "" : ", the most measured in this run"));
    md.append(firstNot.isPresent() ? " Beyond that:\n\n" : "\n\n");
    for (Outcome bad : result.runs()) {
      if (clean(bad)) {
        continue;
      }
      int notCancelled = bad.phases().stream().mapToInt(p -> p.failed() + p.notEnded()).sum();
      int instances = bad.phases().stream().mapToInt(Phase::instances).sum();
      md.append(
          String.format(
              Locale.ROOT,
              "- **%d runtimes**: %d of %d instances not cancelled; \"Access Denied\" %s times,"
                  + " `INVALID_TOKEN` %s times; every runtime cancelling after %s; %d access tokens"
                  + " alive at the end.\n",
              bad.setup().runtimes(),
              notCancelled,
              instances,
              perPhase(bad, Phase::accessDenied),
              perPhase(bad, Phase::invalidTokenAnswers),
              String.join(
                  " / ",
                  bad.phases().stream()
                      .map(
                          p ->
                              p.allRuntimesCancelled() == null
                                  ? "never"
                                  : minutes(p.allRuntimesCancelled()))
                      .toList()),
              bad.liveTokensAtEnd()));
    }
    if (firstNot.isPresent()) {
      md.append("\nFigures per phase: cold start / restart wave.");
    }
    md.append(
        String.format(
            Locale.ROOT,
            " Zoho's limits draw the line: %d refreshes per %d minutes cover at most %d cold caches at"
                + " once, the runtimes beyond wait until the window slides on (their jobs failing"
                + " meanwhile), and more than %d runtimes can never all hold a live token (each new one"
                + " invalidates another runtime's, which then refreshes in turn).\n\n",
            TokenService.MAX_REFRESHES_PER_WINDOW,
            TokenService.REFRESH_WINDOW.toMinutes(),
            TokenService.MAX_REFRESHES_PER_WINDOW,
            TokenService.MAX_ALIVE_PER_REFRESH_TOKEN));
    md.append(
        String.format(
            Locale.ROOT,
            "**Supported maximum with this connector: %d runtime instances per refresh token.** Beyond"
                + " it:\n\n"
                + "- give each group of at most %d runtime instances its own refresh token (another grant"
                + " of the same client, stored as that group's `ZOHO_REFRESH_TOKEN` secret);\n"
                + "- restart runtimes in a rolling fashion, so that no more than %d of one refresh token"
                + " start within %d minutes;\n"
                + "- or run fewer, larger runtimes: all job threads of a runtime share its token, so job"
                + " threads cost no refreshes.\n\n",
            max,
            max,
            max,
            TokenService.REFRESH_WINDOW.toMinutes()));
    return md.toString();
  }

  private static String perPhase(Outcome outcome, java.util.function.ToLongFunction<Phase> value) {
    return String.join(
        " / ", outcome.phases().stream().map(p -> Long.toString(value.applyAsLong(p))).toList());
  }

  private static String minutes(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    return String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
  }
}
