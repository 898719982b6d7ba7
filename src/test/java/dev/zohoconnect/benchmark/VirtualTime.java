package dev.zohoconnect.benchmark;

import dev.zohoconnect.emulator.EmulatorClock;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Time that runs as real time but can skip ahead: the engine's clock and the emulator's clock
 * (which connectors may read too) move forward together, so that a wait of a minute (a job's retry
 * backoff, Zoho's ten-minute refresh window) passes at once. Runs skip only while no connector
 * execution runs, so no execution sees its own time budget jump.
 */
final class VirtualTime implements InstantSource {

  private final ZeebeTestEngine engine;
  private final EmulatorClock zohoClock;
  private Duration skipped = Duration.ZERO;

  VirtualTime(ZeebeTestEngine engine, EmulatorClock zohoClock) {
    this.engine = engine;
    this.zohoClock = zohoClock;
  }

  @Override
  public Instant instant() {
    return zohoClock.instant();
  }

  void skip(Duration duration) {
    zohoClock.advance(duration);
    engine.increaseTime(duration);
    skipped = skipped.plus(duration);
  }

  Duration skipped() {
    return skipped;
  }
}
