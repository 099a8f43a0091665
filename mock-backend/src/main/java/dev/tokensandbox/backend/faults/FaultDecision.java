package dev.tokensandbox.backend.faults;

import java.util.List;
import java.util.Optional;

/** The faults drawn for one request on one route. */
public record FaultDecision(List<FaultRule> applied) {
  public static final FaultDecision NONE = new FaultDecision(List.of());

  public FaultDecision {
    applied = List.copyOf(applied);
  }

  public Optional<FaultRule> get(Fault fault) {
    return applied.stream().filter(r -> r.fault() == fault).findFirst();
  }

  public boolean has(Fault fault) {
    return get(fault).isPresent();
  }

  /** Total added latency in milliseconds. */
  public int latencyMillis() {
    return applied.stream()
        .filter(r -> r.fault() == Fault.LATENCY)
        .mapToInt(FaultRule::value)
        .sum();
  }

  /** The first fault that replaces the answer (status, malformed, empty, reset), if any. */
  public Optional<FaultRule> terminal() {
    return applied.stream()
        .filter(r -> r.fault().kind() == Fault.Kind.HTTP && r.fault() != Fault.LATENCY)
        .findFirst();
  }

  public List<String> names() {
    return applied.stream().map(r -> r.fault().name()).toList();
  }
}
