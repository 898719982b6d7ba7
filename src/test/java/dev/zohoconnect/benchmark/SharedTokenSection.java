package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.SharedRefreshTokenRun.Outcome;
import dev.zohoconnect.benchmark.SharedRefreshTokenRun.Phase;
import dev.zohoconnect.benchmark.SharedRefreshTokenRun.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Section "tokens": many runtimes on one refresh token, for every number of runtimes. */
final class SharedTokenSection {

  record Result(List<Outcome> runs, SectionRun run) {}

  /** Zoho's answer time here: short, the token endpoint's limits are what is measured. */
  static final int LATENCY_MS = 50;

  static final int THREADS = 2;
  static final int INSTANCES_PER_RUNTIME_PER_WAVE = 2;
  static final Duration WAVE = Duration.ofMinutes(1);

  /** Past Zoho's 10-minute refresh window, so a phase shows what happens once it has slid on. */
  static final Duration PHASE_CAP = Duration.ofMinutes(15);

  static final Duration RESTART_AFTER = Duration.ofMinutes(11);

  private SharedTokenSection() {}

  static Result run(Settings settings) throws InterruptedException {
    SectionRun.Started section = SectionRun.start(Settings.TOKENS);
    List<Outcome> runs = new ArrayList<>();
    for (int runtimes : settings.tokensRuntimes()) {
      BenchmarkSuite.log("tokens: " + runtimes + " runtime(s) on one refresh token");
      Outcome outcome =
          SharedRefreshTokenRun.run(
              new Setup(
                  runtimes,
                  THREADS,
                  LATENCY_MS,
                  INSTANCES_PER_RUNTIME_PER_WAVE,
                  WAVE,
                  settings.quick() ? Duration.ofMinutes(12) : PHASE_CAP,
                  RESTART_AFTER));
      for (Phase phase : outcome.phases()) {
        BenchmarkSuite.log(
            String.format(
                Locale.ROOT,
                "   %s: %d refreshes, %d Access Denied, %d INVALID_TOKEN, %d of %d instances failed,"
                    + " %d not ended, all runtimes cancelling after %s",
                phase.name(),
                phase.tokenRefreshes(),
                phase.accessDenied(),
                phase.invalidTokenAnswers(),
                phase.failed(),
                phase.instances(),
                phase.notEnded(),
                phase.allRuntimesCancelled() == null ? "never" : phase.allRuntimesCancelled()));
      }
      runs.add(outcome);
    }
    return new Result(runs, section.stop());
  }
}
