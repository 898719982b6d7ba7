package dev.zohoconnect.benchmark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;

/**
 * Part 1: runs {@link CallOverheadBenchmark} with JMH and reads the scores.
 *
 * <p>The machine is shared (other builds may run), so a benchmark measured only before or only
 * after another could see a different machine. Each benchmark therefore runs in several JMH forks,
 * and the forks of all benchmarks take turns (round 1: A B C D, round 2: A B C D, ...). JMH samples
 * the time of the calls (mode SampleTime) and the samples of all forks are pooled. The median is
 * the headline figure: a call the OS did not schedule for milliseconds (which happens on a busy
 * 2-core machine) moves the mean a lot and the median hardly at all.
 */
final class CallOverhead {

  /**
   * One benchmark's calls: median, 90th percentile and mean µs per call (with the mean's 99.9 %
   * half-width), bytes allocated per call, calls sampled.
   */
  record Score(
      String benchmark,
      int latencyMs,
      double median,
      double p90,
      double mean,
      double meanError,
      double allocBytes,
      long samples) {}

  static final List<String> CALLS =
      List.of("bareHttpClient", "connectorAccessToken", "connectorRefreshToken", "restConnector");

  /** Diagnostics, measured without latency only: the runtime's share, and sendAsync's hand-off. */
  static final List<String> DIAGNOSTICS = List.of("runtimeBindingOnly", "bareHttpClientAsync");

  private final Settings settings;

  CallOverhead(Settings settings) {
    this.settings = settings;
  }

  List<Score> run() throws RunnerException {
    List<Score> scores = new ArrayList<>();
    for (int latency : settings.latenciesMs()) {
      boolean slow = latency > 0;
      int rounds = settings.quick() ? 1 : slow ? 2 : 3;
      Map<String, MultisetStatistics> times = new LinkedHashMap<>();
      Map<String, ListStatistics> allocations = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        List<String> benchmarks = new ArrayList<>(CALLS);
        if (!slow && round <= 2) {
          benchmarks.addAll(DIAGNOSTICS); // two forks each are plenty for these
        }
        for (String benchmark : benchmarks) {
          BenchmarkSuite.log(
              "1/4 JMH " + benchmark + ", " + latency + " ms, round " + round + " of " + rounds);
          OptionsBuilder options = new OptionsBuilder();
          options
              .include(CallOverheadBenchmark.class.getName() + "\\." + benchmark + "$")
              .param("latencyMs", String.valueOf(latency))
              .forks(1)
              .warmupIterations(settings.quick() ? 1 : slow ? 1 : 2)
              .warmupTime(TimeValue.seconds(slow ? 2 : 1))
              .measurementIterations(settings.quick() ? 2 : slow ? 3 : 4)
              .measurementTime(TimeValue.seconds(slow ? 2 : 1))
              .threads(1)
              .verbosity(VerboseMode.SILENT)
              .shouldFailOnError(true)
              .addProfiler(GCProfiler.class)
              .jvmArgs(settings.forkJvmArgs().toArray(String[]::new));
          for (RunResult result : new Runner(options.build()).run()) {
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
              for (IterationResult iteration : fork.getIterationResults()) {
                MultisetStatistics all =
                    times.computeIfAbsent(benchmark, b -> new MultisetStatistics());
                Iterator<Map.Entry<Double, Long>> samples =
                    iteration.getPrimaryResult().getStatistics().getRawData();
                while (samples.hasNext()) {
                  Map.Entry<Double, Long> sample = samples.next();
                  all.addValue(sample.getKey(), sample.getValue());
                }
                for (Map.Entry<String, Result> secondary :
                    iteration.getSecondaryResults().entrySet()) {
                  if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocations
                        .computeIfAbsent(benchmark, b -> new ListStatistics())
                        .addValue(secondary.getValue().getScore());
                  }
                }
              }
            }
          }
        }
      }
      for (String benchmark : times.keySet()) {
        MultisetStatistics time = times.get(benchmark);
        ListStatistics alloc = allocations.get(benchmark);
        scores.add(
            new Score(
                benchmark,
                latency,
                time.getPercentile(50),
                time.getPercentile(90),
                time.getMean(),
                time.getN() > 1 ? time.getMeanErrorAt(0.999) : Double.NaN,
                alloc == null ? Double.NaN : alloc.getMean(),
                time.getN()));
      }
    }
    return scores;
  }
}
