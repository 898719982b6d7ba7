package dev.zohoconnect.runtime;

import java.time.Duration;

/**
 * Counts what a graceful shutdown must wait for: job handlers still running, and the commands
 * (complete, fail, throw error) they sent that the gateway has not answered yet.
 */
public final class InFlightJobs {

  private int handlers;
  private int commands;

  synchronized void handlerStarted() {
    handlers++;
  }

  synchronized void handlerFinished() {
    handlers--;
    notifyAll();
  }

  synchronized void commandSent() {
    commands++;
  }

  synchronized void commandAnswered() {
    commands--;
    notifyAll();
  }

  public synchronized int runningHandlers() {
    return handlers;
  }

  public synchronized int pendingCommands() {
    return commands;
  }

  /**
   * Waits until no handler runs and no command is pending, at most {@code timeout}.
   *
   * @return whether everything finished in time
   */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handlers > 0 || commands > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
