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

  /** This plan with {@code rule} added; the seed and the other rules stay. */
  public FaultPlan plus(FaultRule rule) {
    List<FaultRule> out = new ArrayList<>(rules);
    out.add(rule);
    return new FaultPlan(seed, out);
  }

  /**
   * This plan with the rules that target {@code device} replaced by {@code rule} given for that
   * device (null leaves the device without a fault); every other rule and the seed stay.
   */
  public FaultPlan withDeviceRule(String device, FaultRule rule) {
    List<FaultRule> out = new ArrayList<>();
    for (FaultRule r : rules) {
      if (!device.equals(r.device())) {
        out.add(r);
      }
    }
    if (rule != null) {
      out.add(rule.forDevice(device));
    }
    return new FaultPlan(seed, out);
  }
}
