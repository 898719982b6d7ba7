package dev.zohoconnect.localrun;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Prints the local run's rows as a fixed-width table a terminal shows well. */
final class OutcomeTable {

  private record Column(String title, Function<LocalRun.Row, String> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("#", row -> ""),
          new Column("Scenario", row -> row.scenario().name()),
          new Column("Meeting", LocalRun.Row::meetingId),
          new Column("End state", LocalRun.Row::endState),
          new Column("BPMN error caught", LocalRun.Row::caughtError),
          new Column("Zoho calls", row -> Long.toString(row.zohoCalls())),
          new Column("As expected", row -> row.asExpected() ? "yes" : "NO"));

  private OutcomeTable() {}

  static void print(PrintStream out, List<LocalRun.Row> rows) {
    int[] widths = new int[COLUMNS.size()];
    String[][] cells = new String[rows.size()][COLUMNS.size()];
    for (int c = 0; c < COLUMNS.size(); c++) {
      widths[c] = COLUMNS.get(c).title().length();
      for (int r = 0; r < rows.size(); r++) {
        cells[r][c] = c == 0 ? Integer.toString(r + 1) : COLUMNS.get(c).value().apply(rows.get(r));
        widths[c] = Math.max(widths[c], cells[r][c].length());
      }
    }
    out.println();
    printLine(out, widths, COLUMNS.stream().map(Column::title).toArray(String[]::new));
    StringBuilder rule = new StringBuilder();
    for (int width : widths) {
      rule.append("-".repeat(width)).append("  ");
    }
    out.println(rule.toString().stripTrailing());
    for (String[] row : cells) {
      printLine(out, widths, row);
    }
  }

  private static void printLine(PrintStream out, int[] widths, String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      line.append(String.format("%-" + widths[c] + "s  ", cells[c]));
    }
    out.println(line.toString().stripTrailing());
  }
}
