package dev.zohoconnect.benchmark;

import dev.zohoconnect.benchmark.OrgLimitRun.Outcome;
import dev.zohoconnect.benchmark.OrgLimitRun.Side;
import dev.zohoconnect.cancelmeeting.model.ZohoEdition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Section 5 of docs/BENCHMARKS.md: throughput against Zoho's concurrency limit. */
final class OrgLimitReport {

  static final String ID = Settings.LIMITS;

  /** What the concurrency governor must achieve in every configuration. */
  static final double GOAL_SHARE_OF_CEILING = 0.90;

  static final double GOAL_MAX_TOO_MANY_SHARE = 0.01;

  private OrgLimitReport() {}

  static String markdown(OrgLimitSection.Result result, Settings settings) {
    StringBuilder md = new StringBuilder();
    md.append("## 5. Throughput against Zoho's concurrency limit\n\n");
    md.append("Run: ").append(result.run().describe()).append(".\n\n");
    int threads = settings.limitsThreads();
    md.append(
        String.format(
            Locale.ROOT,
            "Zoho lets an org run only so many API calls at once (Free 5, Standard 10, Professional 15,"
                + " Enterprise 20, Ultimate 25) and answers `429 TOO_MANY_REQUESTS` to every call beyond"
                + " that; each answered call costs a credit. Here the emulator stands in for such an org:"
                + " it answers every call after %d ms and refuses calls beyond the org's limit C with"
                + " 429 (no `Retry-After`, as Zoho). Physics then caps cancellations at **C / %.2f s**"
                + " (%s). On one in-memory engine, 1, 2 or 4 of Camunda's connector runtimes, each with"
                + " %d job threads and %d jobs at a time, far more than any org allows calls; all"
                + " instances created at once (a burst), each one cancellation task.\n\n",
            settings.limitsLatencyMs(),
            settings.limitsLatencyMs() / 1000.0,
            ceilings(result, settings),
            threads,
            threads));
    md.append(
            "- **this connector, org's edition**: the element template's configuration with a refresh"
                + " token and *Zoho CRM edition* set to the org's (C = 10 is Standard, 25 Ultimate): the"
                + " concurrency governor lets each runtime have at most that many calls in flight and"
                + " shrinks its share on a 429 (AIMD); a job that finds no free slot waits within its"
                + " execution budget. A 429 that still arrives is retried in the job after the governor's"
                + " pause, then the job goes back to Zeebe with the template's 10 s backoff.\n"
                + "- **this connector, edition left at Free**: the same with the template's default"
                + " edition (Free, 5 calls per runtime): what a modeler gets who leaves the field alone, safe"
                + " for every org and slower for a bigger one.\n")
        .append(
            "- **REST connector**: Camunda's REST connector 8.8.7 with an access token, retried as its"
                + " element template retries (3 retries, `retryBackoff` PT0S); the last failure ends the"
                + " instance at the error end event (the template would leave an incident).\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "**The goal the governor must meet** in every configuration: at least %.0f %% of C / latency"
                + " cancellations per second, no failed instance, at most %.0f %% of calls answered 429."
                + " The rate judged is the steady one: completions per second between the 10th and the"
                + " 90th percentile of the completion times, without the burst's start (creating the"
                + " instances, activating the first jobs, the limits warming up) and its tail; the"
                + " whole burst's rate is shown beside it. The rate only counts when the engine and the runtimes themselves can go faster: the"
                + " first table is their own ceiling in the same setup (this connector, the same runtimes, threads"
                + " and latency, an org without a concurrency limit), measured right before the runs"
                + " with the same number of runtimes.\n\n",
            GOAL_SHARE_OF_CEILING * 100,
            GOAL_MAX_TOO_MANY_SHARE * 100));

    md.append(
        "| Runtimes × job threads | Instances | Ceiling of engine and runtimes, instances/s (no org"
            + " limit): steady (whole burst) |\n");
    md.append("|---|---:|---:|\n");
    for (Outcome ceiling : result.engineCeilings()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d × %d | %d | **%.1f** (%.1f) |\n",
              ceiling.setup().runtimes(),
              ceiling.setup().threads(),
              ceiling.setup().instances(),
              ceiling.steadyRate(),
              ceiling.rate()));
    }
    md.append('\n');

    md.append(
        "| Org limit C (edition), ceiling | Runtimes | Instances | Side | Cancellations/s: steady"
            + " (whole burst) | Of Zoho's ceiling (steady) | 429 answers (of all calls) | API calls per cancellation | Failed / not ended"
            + " (waited out a retry backoff) | Token-endpoint calls | Most calls at Zoho at once (let in) |"
            + " Goal |\n");
    md.append("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---|\n");
    for (int orgLimit : settings.limitsOrgLimits()) {
      for (int runtimes : settings.limitsRuntimes()) {
        for (Side side : Side.values()) {
          Optional<Outcome> outcome = find(result.runs(), orgLimit, runtimes, side);
          String limit =
              String.format(
                  Locale.ROOT,
                  "%d (%s), %.0f/s",
                  orgLimit,
                  label(OrgLimitRun.editionAllowing(orgLimit)),
                  orgLimit * 1000.0 / settings.limitsLatencyMs());
          if (outcome.isEmpty()) {
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | – | %s | not available | – | – | – | – | – | – | – |\n",
                    limit,
                    runtimes,
                    side.label));
            continue;
          }
          Outcome o = outcome.get();
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %d | %s | **%.1f** (%.1f) | %.0f %% | %d (%.1f %%) | %.2f | %d / %d (%d) | %d | %d (%d) | %s |\n",
                  limit,
                  runtimes,
                  o.setup().instances(),
                  side.label,
                  o.steadyRate(),
                  o.rate(),
                  o.shareOfCeiling() * 100,
                  o.tooManyRequests(),
                  o.tooManyShare() * 100,
                  o.callsPerCancellation(),
                  o.failed(),
                  o.notEnded(),
                  o.waitingAfterBurst(),
                  o.tokenCalls(),
                  o.maxArrived(),
                  o.maxAdmitted(),
                  goal(o, engineCeiling(result, runtimes))));
        }
      }
    }
    md.append('\n');
    md.append(whichLimit(result, settings));
    md.append(
        "\nHow to read it. *Cancellations/s* in brackets (whole burst) counts the instances completed"
            + " before the first moment when every open instance was waiting for a retry backoff, over"
            + " the time from the first create to the last of those completions; the steady rate"
            + " counts the middle 80 % of those completions over the time between them; instances that waited out a backoff are not in"
            + " it. To end those without waiting a minute of real time, the engine's clock was moved on"
            + " by "
            + OrgLimitRun.BACKOFF_SKIP.toSeconds()
            + " s each time nothing else ran (at most 3 times), so *failed / not ended* is the"
            + " final count. *API calls per cancellation* counts every CRM call the emulator received,"
            + " refused ones included, per meeting cancelled. *Most calls at Zoho at once* counts the"
            + " calls the emulator was handling at the same moment, those being refused with 429"
            + " included, and in brackets those the limit let in (never more than C): above C exactly"
            + " when calls beyond the limit arrived. A refused call is answered at once, so it adds"
            + " little to that count; the 429 column says how many there were. Token-endpoint calls:"
            + " one per runtime for this connector (one cached token each); the REST rows use an access"
            + " token.\n\n");
    return ReportBlocks.wrap(ID, md.toString());
  }

  /** As Zoho names the edition. */
  private static String label(ZohoEdition edition) {
    String name = edition.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String ceilings(OrgLimitSection.Result result, Settings settings) {
    List<String> each = new ArrayList<>();
    for (int orgLimit : settings.limitsOrgLimits()) {
      each.add(
          String.format(
              Locale.ROOT,
              "%.0f cancellations/s for C = %d",
              orgLimit * 1000.0 / settings.limitsLatencyMs(),
              orgLimit));
    }
    return String.join(", ", each);
  }

  /** Whether the governor's goal was met by this run, and what missed it. */
  static String goal(Outcome o, double engineCeiling) {
    List<String> missed = new ArrayList<>();
    double ceiling = o.setup().ceilingPerSecond();
    if (o.shareOfCeiling() < GOAL_SHARE_OF_CEILING) {
      missed.add(
          engineCeiling < GOAL_SHARE_OF_CEILING * ceiling
              ? String.format(
                  Locale.ROOT, "rate cannot be judged (setup's ceiling %.0f/s)", engineCeiling)
              : String.format(Locale.ROOT, "rate %.0f %%", o.shareOfCeiling() * 100));
    }
    if (o.unsuccessful() > 0) {
      missed.add(o.unsuccessful() + " instances not cancelled");
    }
    if (o.tooManyShare() > GOAL_MAX_TOO_MANY_SHARE) {
      missed.add(String.format(Locale.ROOT, "%.0f %% 429", o.tooManyShare() * 100));
    }
    return missed.isEmpty() ? "met" : "not met: " + String.join(", ", missed);
  }

  private static String whichLimit(OrgLimitSection.Result result, Settings settings) {
    List<String> engineBound = new ArrayList<>();
    List<String> zohoBound = new ArrayList<>();
    for (int orgLimit : settings.limitsOrgLimits()) {
      double zoho = orgLimit * 1000.0 / settings.limitsLatencyMs();
      for (int runtimes : settings.limitsRuntimes()) {
        double engine = engineCeiling(result, runtimes);
        String configuration = "C = " + orgLimit + " with " + runtimes + " runtime(s)";
        (engine < zoho ? engineBound : zohoBound).add(configuration);
      }
    }
    StringBuilder text = new StringBuilder("Which limit was hit in this run: ");
    if (!zohoBound.isEmpty()) {
      text.append("Zoho's (the setup's own ceiling is above C / latency) for ")
          .append(String.join(", ", zohoBound))
          .append(engineBound.isEmpty() ? ".\n" : "; ");
    }
    if (!engineBound.isEmpty()) {
      text.append(
              "the engine's and runtimes' (their own ceiling is below C / latency, so no connector")
          .append(
              " could reach Zoho's ceiling on this machine; the rates then measure the setup) for ")
          .append(String.join(", ", engineBound))
          .append(". The 429 answers, calls per cancellation and failures still show what each")
          .append(" connector does to the org.\n");
    }
    return text.toString();
  }

  private static double engineCeiling(OrgLimitSection.Result result, int runtimes) {
    return result.engineCeilings().stream()
        .filter(o -> o.setup().runtimes() == runtimes)
        .mapToDouble(Outcome::steadyRate)
        .findFirst()
        .orElse(Double.NaN);
  }

  private static Optional<Outcome> find(List<Outcome> runs, int orgLimit, int runtimes, Side side) {
    return runs.stream()
        .filter(
            o ->
                o.setup().concurrencyLimit() == orgLimit
                    && o.setup().runtimes() == runtimes
                    && o.setup().side() == side)
        .findFirst();
  }
}
