package dev.zohoconnect.benchmark;

import java.util.Optional;

/**
 * Parts of docs/BENCHMARKS.md between two markers, which a run of their section replaces while the
 * rest of the file stays as it was: sections that run on their own ({@code
 * -Dbenchmark.sections=limits,tokens}) keep the other sections' figures, and a run of the other
 * sections keeps theirs.
 */
final class ReportBlocks {

  /** Where a block goes in a file that does not have it yet: before the first of these. */
  private static final String[] INSERT_BEFORE = {
    "## Fixes made from these measurements", "## Caveats"
  };

  private ReportBlocks() {}

  static String startMarker(String id) {
    return "<!-- section " + id + ": generated, replaced whenever the section runs -->";
  }

  static String endMarker(String id) {
    return "<!-- section " + id + " end -->";
  }

  /** {@code body} between the markers of {@code id}. */
  static String wrap(String id, String body) {
    return startMarker(id) + "\n" + body.strip() + "\n" + endMarker(id) + "\n\n";
  }

  /** The block {@code id}, markers included, as found in {@code document}. */
  static Optional<String> find(String document, String id) {
    int start = document.indexOf(startMarker(id));
    int end = document.indexOf(endMarker(id));
    if (start < 0 || end < start) {
      return Optional.empty();
    }
    int after = end + endMarker(id).length();
    while (after < document.length() && document.charAt(after) == '\n') {
      after++;
    }
    return Optional.of(document.substring(start, after));
  }

  /**
   * {@code document} with block {@code id} replaced by {@code block}, or inserted if absent: before
   * the section "Fixes made from these measurements" (or "Caveats").
   */
  static String put(String document, String id, String block) {
    return put(document, id, block, INSERT_BEFORE);
  }

  /** The same, inserting a block that is absent before the first of {@code insertBefore} found. */
  static String put(String document, String id, String block, String... insertBefore) {
    Optional<String> old = find(document, id);
    if (old.isPresent()) {
      return document.replace(old.get(), block);
    }
    for (String heading : insertBefore) {
      int at = document.indexOf(heading);
      if (at >= 0) {
        return document.substring(0, at) + block + document.substring(at);
      }
    }
    return document + "\n" + block;
  }
}
