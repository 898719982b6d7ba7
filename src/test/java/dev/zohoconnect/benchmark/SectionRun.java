package dev.zohoconnect.benchmark;

/**
 * When a section of the report ran, where, and how busy the machine was meanwhile, for sections
 * that may run on their own ({@code -Dbenchmark.sections=...}) and so carry their own command, date
 * and load.
 *
 * @param loadAtStart the 1-, 5- and 15-minute load averages when the section started
 * @param loadAtEnd the same when it ended
 */
record SectionRun(
    String command,
    String date,
    String machine,
    String loadAtStart,
    String loadAtEnd,
    double seconds) {

  /** A section that has started. */
  record Started(String section, String date, String loadAtStart, long startedNanos) {
    SectionRun stop() {
      return new SectionRun(
          Settings.commandAsRun(section),
          date,
          MachineInfo.capture().oneLine(),
          loadAtStart,
          MachineInfo.loadAverage(),
          (System.nanoTime() - startedNanos) / 1e9);
    }
  }

  static Started start(String section) {
    return new Started(section, MachineInfo.now(), MachineInfo.loadAverage(), System.nanoTime());
  }

  /** One line for the report. */
  String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "`%s`, %s, %.0f s; %s; load average (1, 5, 15 min) %s at the start, %s at the end",
        command,
        date,
        seconds,
        machine,
        loadAtStart,
        loadAtEnd);
  }
}
