package dev.zohoconnect.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmulatorCommandLineTest {

  @Test
  void defaultsToAnEphemeralPortAndNoSeed() {
    EmulatorCommandLine options = EmulatorCommandLine.parse();

    assertThat(options.port()).isZero();
    assertThat(options.seed()).isEmpty();
    assertThat(options.help()).isFalse();
  }

  @Test
  void readsPortAndSeed() {
    EmulatorCommandLine options =
        EmulatorCommandLine.parse("--port", "8089", "--seed", "meetings.json");

    assertThat(options.port()).isEqualTo(8089);
    assertThat(options.seed()).contains(Path.of("meetings.json"));
  }

  @Test
  void recognisesHelp() {
    assertThat(EmulatorCommandLine.parse("--help").help()).isTrue();
  }

  @Test
  void rejectsUnknownOptionsMissingValuesAndBadPorts() {
    assertThatThrownBy(() -> EmulatorCommandLine.parse("--verbose")).hasMessageContaining("Usage");
    assertThatThrownBy(() -> EmulatorCommandLine.parse("--port"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> EmulatorCommandLine.parse("--port", "http"))
        .hasMessageContaining("Not a port");
    assertThatThrownBy(() -> EmulatorCommandLine.parse("--port", "70000"))
        .hasMessageContaining("out of range");
  }
}
