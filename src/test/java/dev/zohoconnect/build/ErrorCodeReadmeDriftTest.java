package dev.zohoconnect.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The README's error table is exactly what {@code ErrorCode} gives. */
class ErrorCodeReadmeDriftTest {

  @Test
  void readmeErrorTableMatchesTheCodes() throws IOException {
    if (Boolean.getBoolean(ReadmeErrorTable.UPDATE_PROPERTY)) {
      ReadmeErrorTable.update();
    }
    assertThat(ReadmeErrorTable.committedSection())
        .as(
            "README.md's error table differs from dev.zohoconnect.cancelmeeting.error.ErrorCode."
                + " Edit the codes there, not in the README, then run '%s' and commit README.md.",
            ReadmeErrorTable.HOW_TO_UPDATE)
        .isEqualTo(ReadmeErrorTable.section());
  }
}
