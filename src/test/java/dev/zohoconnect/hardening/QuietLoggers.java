package dev.zohoconnect.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Keeps the test infrastructure's own chatter (the HTTP stand-in's server) at WARN while a test
 * captures every other log line at TRACE: thousands of its debug lines per case slow a fuzz run
 * down and say nothing about the connector.
 */
final class QuietLoggers implements AutoCloseable {

  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  private QuietLoggers() {}

  static QuietLoggers quiet(String... names) {
    QuietLoggers quiet = new QuietLoggers();
    for (String name : names) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      quiet.previous.put(logger, logger.getLevel());
      logger.setLevel(Level.WARN);
    }
    return quiet;
  }

  @Override
  public void close() {
    previous.forEach(Logger::setLevel);
  }
}
