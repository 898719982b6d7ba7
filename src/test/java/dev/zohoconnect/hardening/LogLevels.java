package dev.zohoconnect.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Sets some loggers' levels for the length of a test, then restores them: to hear loggers the build
 * silences (the runtime's job handler is OFF in logback-test.xml), or to silence the test
 * infrastructure's own chatter while everything else is captured at TRACE.
 */
final class LogLevels implements AutoCloseable {

  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  private LogLevels() {}

  static LogLevels set(Level level, String... names) {
    return new LogLevels().and(level, names);
  }

  LogLevels and(Level level, String... names) {
    for (String name : names) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      previous.putIfAbsent(logger, logger.getLevel());
      logger.setLevel(level);
    }
    return this;
  }

  /**
   * Keeps the build output readable while a fuzz test produces a thousand log lines on purpose: the
   * console appender is detached (a {@code LogCapture} still sees every line) and restored.
   */
  static AutoCloseable consoleMuted() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
    if (console == null) {
      return () -> {};
    }
    root.detachAppender(console);
    return () -> root.addAppender(console);
  }

  @Override
  public void close() {
    previous.forEach(Logger::setLevel);
  }
}
