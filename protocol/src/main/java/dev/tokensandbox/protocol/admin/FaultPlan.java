package dev.tokensandbox.protocol.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A set of fault rules and the seed that makes their probabilities repeatable. */
public record FaultPlan(long seed, List<FaultRule> rules) {

  public FaultPlan {
    rules =
        rules == null
            ? Collections.<FaultRule>emptyList()
            : Collections.unmodifiableList(new ArrayList<>(rules));
  }

  public static FaultPlan none() {
    return new FaultPlan(0, Collections.<FaultRule>emptyList());
  }

  public static FaultPlan of(FaultRule... rules) {
    return new FaultPlan(0, Arrays.asList(rules));
  }
}
