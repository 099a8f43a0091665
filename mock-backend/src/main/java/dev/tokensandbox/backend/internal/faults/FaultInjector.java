package dev.tokensandbox.backend.internal.faults;

import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Holds the active fault plan and draws, per request, which of its rules apply. Probabilities use a
 * {@link Random} seeded from the plan, so the same plan and request order give the same faults.
 */
public final class FaultInjector {
  private FaultPlan plan = FaultPlan.none();
  private Random random = new Random(0);

  public synchronized FaultPlan plan() {
    return plan;
  }

  public synchronized void setPlan(FaultPlan plan) {
    this.plan = plan == null ? FaultPlan.none() : plan;
    this.random = new Random(this.plan.seed());
  }

  public synchronized void clear() {
    setPlan(FaultPlan.none());
  }

  /** Replaces the plan with {@code edit} of it, atomically; returns the new plan. */
  public synchronized FaultPlan update(java.util.function.UnaryOperator<FaultPlan> edit) {
    setPlan(edit.apply(plan));
    return plan;
  }

  public FaultDecision decide(String routeId) {
    return decide(routeId, null);
  }

  /** The rules that apply to one request to {@code routeId} from {@code deviceId} (may be null). */
  public synchronized FaultDecision decide(String routeId, String deviceId) {
    if (plan.rules().isEmpty()) {
      return FaultDecision.NONE;
    }
    List<FaultRule> applied = new ArrayList<>();
    for (FaultRule rule : plan.rules()) {
      if (rule.matches(routeId, deviceId)
          && (rule.probability() >= 1.0 || random.nextDouble() < rule.probability())) {
        applied.add(rule);
      }
    }
    return applied.isEmpty() ? FaultDecision.NONE : new FaultDecision(applied);
  }
}
