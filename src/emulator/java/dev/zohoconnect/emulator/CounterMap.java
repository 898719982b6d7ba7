package dev.zohoconnect.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Thread-safe counts per key, e.g. cancel calls per meeting id. */
final class CounterMap<K> {

  private final Map<K, LongAdder> counts = new ConcurrentHashMap<>();

  void increment(K key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  long get(K key) {
    LongAdder count = counts.get(key);
    return count == null ? 0 : count.sum();
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<K, Long> snapshot() {
    return counts.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().sum()));
  }

  void clear() {
    counts.clear();
  }
}
