package dev.zohoconnect.cancelmeeting.auth;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A job's call on its own thread. Daemon, so that a caller stuck for ever (the defect a test looks
 * for) fails the test instead of holding the build.
 */
final class Caller<T> {

  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final FutureTask<T> task;
  private final Thread thread;

  private Caller(Callable<T> call) {
    task = new FutureTask<>(call);
    thread = new Thread(task, "caller");
    thread.setDaemon(true);
  }

  static <T> Caller<T> start(Callable<T> call) {
    Caller<T> caller = new Caller<>(call);
    caller.thread.start();
    return caller;
  }

  /** Returns once the caller is parked: waiting for another caller's refresh. */
  Caller<T> awaitWaiting() throws InterruptedException {
    long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
        return this;
      }
      if (task.isDone() || System.nanoTime() > giveUpAt) {
        throw new AssertionError("the caller never waited; it is " + state);
      }
      Thread.sleep(1);
    }
  }

  /** The caller's result; fails (rather than hangs) if it does not come within 5 s. */
  T result() throws Exception {
    try {
      return task.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception failure) {
        throw failure;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("the caller was still waiting after " + PATIENCE.toSeconds() + " s");
    }
  }

  /** What the caller threw, or an assertion error if it returned or hung. */
  Throwable failure() throws InterruptedException {
    try {
      T value = task.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("the caller got " + value + " instead of failing");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the caller was still waiting after " + PATIENCE.toSeconds() + " s");
    }
  }
}
