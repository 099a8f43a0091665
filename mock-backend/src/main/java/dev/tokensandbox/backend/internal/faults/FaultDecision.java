package dev.tokensandbox.backend.internal.faults;

import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.List;
import java.util.Optional;

/** The faults drawn for one request on one route. */
public record FaultDecision(List<FaultRule> applied) {
  public static final FaultDecision NONE = new FaultDecision(List.of());

  public FaultDecision {
    applied = List.copyOf(applied);
  }

  // Loops, not streams: this runs several times on every request, almost always over no rules.

  public Optional<FaultRule> get(Fault fault) {
    for (FaultRule rule : applied) {
      if (rule.fault() == fault) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  public boolean has(Fault fault) {
    return get(fault).isPresent();
  }

  /** Total added latency in milliseconds. */
  public int latencyMillis() {
    int total = 0;
    for (FaultRule rule : applied) {
      if (rule.fault() == Fault.LATENCY) {
        total += rule.value();
      }
    }
    return total;
  }

  /** The first fault that replaces the answer (status, malformed, empty, reset), if any. */
  public Optional<FaultRule> terminal() {
    for (FaultRule rule : applied) {
      if (rule.fault().kind() == Fault.Kind.HTTP && rule.fault() != Fault.LATENCY) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  public List<String> names() {
    if (applied.isEmpty()) {
      return List.of();
    }
    return applied.stream().map(r -> r.fault().name()).toList();
  }
}
