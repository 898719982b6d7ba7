package dev.zohoconnect.build;

import dev.zohoconnect.cancelmeeting.RetryPolicy;
import dev.zohoconnect.cancelmeeting.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The README's error table, rendered from {@link ErrorCode} between two markers, so that the
 * documentation cannot say something else than the connector does.
 */
final class ReadmeErrorTable {

  static final Path README = Path.of("README.md");
  static final String START = "<!-- error-codes:start -->";
  static final String END = "<!-- error-codes:end -->";
  static final String UPDATE_PROPERTY = "error-table.update";
  static final String HOW_TO_UPDATE =
      "mvn -B test -Dtest=ErrorCodeReadmeDriftTest -D" + UPDATE_PROPERTY + "=true";

  private static final String HEADER =
      """
      | BPMN error code | HTTP | Meaning | Retried | What to do |
      |---|---|---|---|---|
      """;

  private ReadmeErrorTable() {}

  /** The section, markers included, as the table gives it. */
  static String section() {
    StringBuilder out = new StringBuilder(START).append('\n');
    out.append("<!-- Generated from dev.zohoconnect.cancelmeeting.error.ErrorCode: edit it there,")
        .append(" then run ")
        .append(HOW_TO_UPDATE)
        .append(" -->\n\n");
    out.append(HEADER);
    for (String row : rows()) {
      out.append(row).append('\n');
    }
    out.append("\nEach code is a constant in `dev.zohoconnect.cancelmeeting.error.ErrorCodes`.\n");
    return out.append(END).toString();
  }

  /** The section as the README has it now, markers included. */
  static String committedSection() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    if (start < 0 || end < start) {
      throw new AssertionError("README.md lacks the markers " + START + " and " + END);
    }
    return readme.substring(start, end + END.length());
  }

  /** Replaces the README's section with {@link #section()}; nothing outside the markers changes. */
  static void update() throws IOException {
    String readme = Files.readString(README);
    Files.writeString(README, readme.replace(committedSection(), section()));
  }

  private static List<String> rows() {
    List<String> rows = new ArrayList<>();
    boolean otherCodesListed = false;
    for (ErrorCode row : ErrorCode.values()) {
      if (!row.fromZoho() && !otherCodesListed) {
        // Zoho's undocumented codes pass through like its documented ones, before the connector's.
        rows.add(
            row(
                "any other Zoho code",
                "as sent",
                "passed through unchanged",
                "5xx: yes",
                ErrorCode.ADVICE_FOR_OTHER_CODES));
        otherCodesListed = true;
      }
      rows.add(
          row(
              "`" + row.code() + "`",
              row.httpStatus(),
              row.meaning(),
              retried(row.retry()),
              row.advice()));
    }
    return rows;
  }

  private static String retried(ErrorCode.Retry retry) {
    return switch (retry) {
      case NEVER -> "no";
      case TRANSIENT -> "yes";
      case RATE_LIMIT ->
          "yes (%d s, or the `Retry-After`)"
              .formatted(RetryPolicy.DEFAULT.rateLimitJobBackoff().toSeconds());
      case ONCE_WITH_A_NEW_TOKEN -> "after one refresh";
    };
  }

  private static String row(String... cells) {
    List<String> escaped = Arrays.stream(cells).map(cell -> cell.replace("|", "\\|")).toList();
    return "| " + String.join(" | ", escaped) + " |";
  }
}
