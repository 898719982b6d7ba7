package dev.zohoconnect.emulator.crm;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Cancellation mails each user sent on the current day.
 *
 * <p>The day is passed in by the caller (derived from the emulator clock), so moving the clock past
 * midnight is all it takes to start a fresh day: a count from an earlier day simply no longer
 * applies.
 */
public final class MailQuota {

  private record DayCount(LocalDate day, int count) {}

  private final Map<String, DayCount> counts = new HashMap<>();

  /**
   * Counts one mail for the user unless the limit is already reached; answers whether the mail may
   * go out.
   */
  public synchronized boolean tryConsume(String userId, int dailyLimit, LocalDate today) {
    int sent = sentOn(userId, today);
    if (sent >= dailyLimit) {
      return false;
    }
    counts.put(userId, new DayCount(today, sent + 1));
    return true;
  }

  public synchronized int sentOn(String userId, LocalDate day) {
    DayCount count = counts.get(userId);
    return count != null && count.day().equals(day) ? count.count() : 0;
  }

  /** Lets a test start from "already sent n mails today" without sending them. */
  public synchronized void setSentOn(String userId, LocalDate day, int sent) {
    counts.put(userId, new DayCount(day, sent));
  }

  public synchronized void clear() {
    counts.clear();
  }
}
