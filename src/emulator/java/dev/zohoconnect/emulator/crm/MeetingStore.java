package dev.zohoconnect.emulator.crm;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The emulator's Meetings module: thread-safe, keyed by record id. */
public final class MeetingStore {

  private final Map<String, Meeting> meetings = new ConcurrentHashMap<>();

  public MeetingStore put(Meeting meeting) {
    meetings.put(meeting.id(), meeting);
    return this;
  }

  public MeetingStore putAll(Collection<Meeting> values) {
    values.forEach(this::put);
    return this;
  }

  public Optional<Meeting> find(String id) {
    return Optional.ofNullable(meetings.get(id));
  }

  /** For assertions: fails loudly instead of returning an empty optional. */
  public Meeting get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("No meeting " + id));
  }

  public boolean isCancelled(String id) {
    return get(id).cancelled();
  }

  public List<Meeting> all() {
    return meetings.values().stream().sorted(Comparator.comparing(Meeting::id)).toList();
  }

  public void remove(String id) {
    meetings.remove(id);
  }

  public void clear() {
    meetings.clear();
  }
}
