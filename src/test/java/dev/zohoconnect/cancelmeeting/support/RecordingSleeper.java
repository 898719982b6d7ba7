package dev.zohoconnect.cancelmeeting.support;

import dev.zohoconnect.cancelmeeting.MeetingCanceller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the backoffs the connector asks for instead of sleeping through them. */
public final class RecordingSleeper implements MeetingCanceller.Sleeper {

  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  public List<Duration> waits() {
    return List.copyOf(waits);
  }
}
