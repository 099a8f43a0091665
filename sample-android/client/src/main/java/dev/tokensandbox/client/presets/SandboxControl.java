package dev.tokensandbox.client.presets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.Outcome;

/**
 * The sandbox API a preset drives: fault plan and settings, over HTTP, so a preset works the same
 * against the desktop's embedded backend, a headless {@code serve} and a test's server.
 */
public final class SandboxControl {
  private final BackendClient client;

  public SandboxControl(BackendClient client) {
    this.client = client;
  }

  /** One rule of a fault plan, as {@code PUT /sandbox/faults} takes it. */
  public record Rule(String route, String fault, int value, double probability) {
    public static Rule always(String route, String fault, int value) {
      return new Rule(route, fault, value, 1.0);
    }

    JsonObject json() {
      JsonObject o = new JsonObject();
      o.addProperty("route", route);
      o.addProperty("fault", fault);
      o.addProperty("value", value);
      o.addProperty("probability", probability);
      return o;
    }

    @Override
    public String toString() {
      return fault + (value != 0 ? "(" + value + ")" : "") + " on " + route;
    }
  }

  public Outcome<JsonObject> setFaults(long seed, Rule... rules) {
    JsonObject plan = new JsonObject();
    plan.addProperty("seed", seed);
    JsonArray array = new JsonArray();
    for (Rule r : rules) {
      array.add(r.json());
    }
    plan.add("rules", array);
    return client.putJson("sandbox/faults", plan);
  }

  public Outcome<JsonObject> clearFaults() {
    return client.delete("sandbox/faults");
  }

  public Outcome<JsonObject> setGinLegacyTokens(boolean on) {
    JsonObject body = new JsonObject();
    body.addProperty("ginLegacyTokens", on);
    return client.putJson("sandbox/settings", body);
  }
}
