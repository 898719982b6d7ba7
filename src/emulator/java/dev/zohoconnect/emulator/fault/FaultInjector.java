package dev.zohoconnect.emulator.fault;

import dev.zohoconnect.emulator.Endpoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Decides which fault, if any, the next request suffers.
 *
 * <p>Queued faults come first, each used by exactly one matching request in the order they were
 * queued; requests a queued fault does not target pass it by. Random rules apply only when no
 * queued fault matched; they draw from their own seeded generator, so a run is repeatable as long
 * as requests arrive in the same order.
 */
public final class FaultInjector {

  private record Queued(FaultTarget target, Fault fault) {}

  private record RandomRule(FaultTarget target, double ratio, Fault fault, Random random) {}

  private final List<Queued> queue = new LinkedList<>();
  private final List<RandomRule> randomRules = new ArrayList<>();

  /** Each fault hits one of the next requests of any kind, in order. */
  public FaultInjector enqueue(Fault... faults) {
    return enqueue(FaultTarget.ANY, faults);
  }

  /** Each fault hits one of the next requests the target matches, in order. */
  public synchronized FaultInjector enqueue(FaultTarget target, Fault... faults) {
    for (Fault fault : faults) {
      queue.add(new Queued(target, fault));
    }
    return this;
  }

  /** The same fault for the next {@code times} matching requests. */
  public synchronized FaultInjector enqueue(FaultTarget target, int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      queue.add(new Queued(target, fault));
    }
    return this;
  }

  public FaultInjector failRandomly(double ratio, Fault fault, long seed) {
    return failRandomly(FaultTarget.ANY, ratio, fault, seed);
  }

  /**
   * Makes about {@code ratio} of the matching requests suffer the fault, until {@link #clear()}.
   */
  public synchronized FaultInjector failRandomly(
      FaultTarget target, double ratio, Fault fault, long seed) {
    if (ratio < 0 || ratio > 1) {
      throw new IllegalArgumentException("ratio is a probability between 0 and 1: " + ratio);
    }
    randomRules.add(new RandomRule(target, ratio, fault, new Random(seed)));
    return this;
  }

  public synchronized int pending() {
    return queue.size();
  }

  public synchronized void clear() {
    queue.clear();
    randomRules.clear();
  }

  /** Consumes and returns the fault for a request to this endpoint, if any. */
  public synchronized Optional<Fault> next(Endpoint endpoint) {
    for (Iterator<Queued> it = queue.iterator(); it.hasNext(); ) {
      Queued queued = it.next();
      if (queued.target().matches(endpoint)) {
        it.remove();
        return Optional.of(queued.fault());
      }
    }
    return randomRules.stream()
        .filter(rule -> rule.target().matches(endpoint))
        .filter(rule -> rule.random().nextDouble() < rule.ratio())
        .map(RandomRule::fault)
        .findFirst();
  }
}
