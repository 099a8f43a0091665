package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.Flow;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * A named, runnable QA scenario: which flow and user, the app's renewal policy, the simulated
 * network latency, the device's clock skew, what happens to the backend when ({@link Step}s), how
 * long to run, and the timeline it must produce. Plain data: the desktop lists them, the CLI runs
 * them by id, tests check them.
 */
public record QaPreset(
    String id,
    String title,
    String description,
    Flow flow,
    RtcTokenQuery who,
    RenewalPolicy policy,
    Duration latency,
    Duration deviceSkew,
    Duration runFor,
    List<Step> steps,
    List<Expect> expected) {

  public QaPreset {
    steps = Collections.unmodifiableList(steps);
    expected = Collections.unmodifiableList(expected);
  }

  /** This preset with another renewal policy (the lab's "what if the app did…" switch). */
  public QaPreset withPolicy(RenewalPolicy other) {
    return new QaPreset(
        id, title, description, flow, who, other, latency, deviceSkew, runFor, steps, expected);
  }

  /**
   * This preset run as the lab's "what if" says: another renewal trigger and/or SDK generation,
   * each null for the preset's own. The preset itself when nothing changes.
   */
  public QaPreset withWhatIf(RenewalPolicy.Trigger trigger, SdkProfile sdk) {
    RenewalPolicy changed = policy;
    if (trigger != null) {
      changed = changed.withTrigger(trigger);
    }
    if (sdk != null) {
      changed = changed.withSdk(sdk);
    }
    if (changed.equals(policy)) {
      return this;
    }
    List<Expect> judged =
        changed.sdk().renewRejoins() || !policy.sdk().renewRejoins()
            ? expected
            : afterTheKickOnA3xSdk(expected);
    return new QaPreset(
        id, title, description, flow, who, changed, latency, deviceSkew, runFor, steps, judged);
  }

  /**
   * The expectations as a 3.x app meets them: after the kick it leaves and joins again with the new
   * token, where a 4.x app's {@code renewToken} reconnects it ({@code RENEW_TOKEN}, a renewal and a
   * rejoin). The verdict then judges the run against its own generation, not against 4.x.
   */
  static List<Expect> afterTheKickOnA3xSdk(List<Expect> expected) {
    Double kick = null;
    for (Expect e : expected) {
      if (e.type() == Expect.Type.ORDERED && e.kind() == EventKind.KICKED) {
        kick = e.atSeconds();
        break;
      }
    }
    if (kick == null) {
      return expected;
    }
    List<Expect> out = new java.util.ArrayList<>();
    java.util.Set<Double> joined = new java.util.HashSet<>();
    for (Expect e : expected) {
      boolean afterKick =
          e.type() == Expect.Type.ORDERED && (e.atSeconds() == null || e.atSeconds() >= kick);
      if (afterKick
          && e.kind() == EventKind.STATE_CHANGED
          && e.contains() != null
          && e.contains().contains("RENEW_TOKEN")) {
        out.add(Expect.event(EventKind.NOTE, "leaveChannel, then join again"));
      } else if (afterKick
          && (e.kind() == EventKind.RENEWED || e.kind() == EventKind.REJOINED)
          && e.atSeconds() != null) {
        if (joined.add(e.atSeconds())) {
          out.add(Expect.at(e.atSeconds(), EventKind.JOINED));
        }
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** Something done to the backend or the app at a moment of the run. */
  public record Step(Duration at, String label, Action action) {
    /** Seconds after the start. */
    public static Step at(double seconds, String label, Action action) {
      return new Step(Duration.ofMillis(Math.round(seconds * 1000)), label, action);
    }
  }

  /** A step's effect. */
  public interface Action {
    void apply(PresetRun run);
  }
}
