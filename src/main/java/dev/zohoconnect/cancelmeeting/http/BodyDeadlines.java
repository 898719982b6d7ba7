package dev.zohoconnect.cancelmeeting.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends answer bodies that outlive their deadline. The JDK's client stops counting its request
 * timeout once the headers are in, and a synchronous send then waits for the body without limit: a
 * server that stalls or dribbles mid-body would hold the calling job thread for ever.
 *
 * <p>One daemon thread, shared by every transport, expires what is overdue. It sleeps until the
 * earliest deadline it knows of (at most a second while bodies keep coming) and is woken early only
 * by a body due before that, or by the first body after it went idle; so a call that ends in time
 * costs a set insertion and removal, never a thread hand-off.
 */
final class BodyDeadlines {

  /** A body being read, and how to give up on it. */
  interface Watched {
    /** When to give up, in {@link System#nanoTime()} terms. */
    long deadlineNanos();

    /** Gives up on the body; called at most once, from the watchdog thread. */
    void expire();
  }

  static final BodyDeadlines SHARED = new BodyDeadlines();

  /** How long the watchdog keeps a schedule of its own after the last body it saw. */
  private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** {@link #plannedWake} while the watchdog has no wake-up planned: every body wakes it. */
  private static final long UNPLANNED = Long.MIN_VALUE;

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private volatile long plannedWake = UNPLANNED;
  private volatile boolean watchedSinceLastWake;
  private volatile Thread watchdog;

  void watch(Watched body) {
    watched.add(body);
    watchedSinceLastWake = true;
    long wake = plannedWake;
    if (wake == UNPLANNED || body.deadlineNanos() - wake < 0) {
      LockSupport.unpark(watchdog());
    }
  }

  void forget(Watched body) {
    watched.remove(body);
  }

  private Thread watchdog() {
    Thread thread = watchdog;
    if (thread == null) {
      synchronized (this) {
        thread = watchdog;
        if (thread == null) {
          thread = new Thread(this::run, "zoho-http-body-deadlines");
          thread.setDaemon(true);
          thread.start();
          watchdog = thread;
        }
      }
    }
    return thread;
  }

  private static void expire(Watched body) {
    try {
      body.expire();
    } catch (RuntimeException | Error unexpected) {
      // The watchdog serves every transport of the runtime: it must outlive one odd body.
    }
  }

  private void run() {
    while (true) {
      // While it scans, every new body wakes it again, so none is missed between scan and sleep.
      plannedWake = UNPLANNED;
      boolean active = watchedSinceLastWake;
      watchedSinceLastWake = false;
      long now = System.nanoTime();
      long next = now + LINGER_NANOS;
      for (Watched body : watched) {
        long deadline = body.deadlineNanos();
        if (deadline - now <= 0) {
          watched.remove(body);
          expire(body);
        } else if (deadline - next < 0) {
          next = deadline;
        }
      }
      if (watched.isEmpty() && !active) {
        LockSupport.park(this); // idle: the next body wakes it
      } else {
        plannedWake = next;
        LockSupport.parkNanos(this, next - now);
      }
    }
  }
}
