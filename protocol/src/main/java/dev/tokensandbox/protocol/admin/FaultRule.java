package dev.tokensandbox.protocol.admin;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of a fault plan: on routes matching {@code route} ({@code *}, a route id such as {@code
 * agora.rtc}, or a flow prefix such as {@code chatsdk.*}), apply {@code fault} with {@code
 * probability}; {@code value} is the fault's number (milliseconds, status or seconds). With a
 * {@code device}, the rule applies only to requests that name that device in {@code
 * X-Sandbox-Device} (the desktop's "set fault" for one phone or virtual device).
 */
public record FaultRule(String route, Fault fault, int value, double probability, String device) {
  private static final Set<Integer> STATUSES =
      Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(401, 403, 429, 500, 502, 503)));

  public FaultRule {
    if (route == null || route.trim().isEmpty()) {
      throw new IllegalArgumentException(
          "route: must be *, a route id or a prefix such as agora.*");
    }
    if (fault == null) {
      throw new IllegalArgumentException("fault: is required");
    }
    if (device != null && (device.trim().isEmpty() || device.length() > 64)) {
      throw new IllegalArgumentException("device: must be 1..64 characters when given");
    }
    if (probability <= 0 || probability > 1 || Double.isNaN(probability)) {
      throw new IllegalArgumentException("probability: must be in (0, 1]");
    }
    switch (fault) {
      case LATENCY -> check(value >= 1 && value <= 60_000, "value: LATENCY needs 1..60000 ms");
      case STATUS -> check(STATUSES.contains(value), "value: STATUS needs one of " + STATUSES);
      case SHORT_LIFETIME ->
          check(value >= 1 && value <= 86_400, "value: SHORT_LIFETIME needs 1..86400 s");
      case CLOCK_SKEW ->
          check(
              value != 0 && Math.abs(value) <= 86_400 * 7,
              "value: CLOCK_SKEW needs a non-zero shift within ±604800 s");
      default -> {
        // the other faults take no value
      }
    }
  }

  /** A rule for every device. */
  public FaultRule(String route, Fault fault, int value, double probability) {
    this(route, fault, value, probability, null);
  }

  public static FaultRule always(String route, Fault fault, int value) {
    return new FaultRule(route, fault, value, 1.0);
  }

  /** This rule, limited to requests from {@code deviceId}. */
  public FaultRule forDevice(String deviceId) {
    return new FaultRule(route, fault, value, probability, deviceId);
  }

  /** Whether the rule covers a request to {@code routeId} from {@code deviceId} (may be null). */
  public boolean matches(String routeId, String deviceId) {
    return (device == null || device.equals(deviceId)) && matches(routeId);
  }

  public boolean matches(String routeId) {
    if (route.equals("*") || route.equals(routeId)) {
      return true;
    }
    return route.endsWith(".*") && routeId.startsWith(route.substring(0, route.length() - 1));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
