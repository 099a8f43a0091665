package dev.tokensandbox.backend.faults;

import java.util.List;

/** A set of fault rules and the seed that makes their probabilities repeatable. */
public record FaultPlan(long seed, List<FaultRule> rules) {

  public FaultPlan {
    rules = List.copyOf(rules == null ? List.of() : rules);
  }

  public static FaultPlan none() {
    return new FaultPlan(0, List.of());
  }

  public static FaultPlan of(FaultRule... rules) {
    return new FaultPlan(0, List.of(rules));
  }
}
