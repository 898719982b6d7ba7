package dev.zohoconnect.emulator;

import java.nio.file.Path;
import java.util.Optional;

/** Options of the standalone emulator: {@code [--port <n>] [--seed <file>]}. */
record EmulatorCommandLine(int port, Optional<Path> seed, boolean help) {

  static final String USAGE =
      """
            Usage: ZohoCrmEmulator [--port <n>] [--seed <file>]
              --port <n>     listen on 127.0.0.1:<n> (default 0: any free port)
              --seed <file>  load meetings from a file shaped like {"data":[...Zoho meeting records...]}
            """;

  static EmulatorCommandLine parse(String... args) {
    int port = 0;
    Optional<Path> seed = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = parsePort(valueOf(args, ++i, "--port"));
        case "--seed" -> seed = Optional.of(Path.of(valueOf(args, ++i, "--seed")));
        case "--help", "-h" -> {
          return new EmulatorCommandLine(port, seed, true);
        }
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new EmulatorCommandLine(port, seed, false);
  }

  private static String valueOf(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("Port out of range: " + text);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a port number: " + text, e);
    }
  }
}
