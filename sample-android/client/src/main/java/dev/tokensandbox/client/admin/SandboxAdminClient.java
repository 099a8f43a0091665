package dev.tokensandbox.client.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.Transport;
import dev.tokensandbox.protocol.DeviceCommand;
import java.util.Map;

/**
 * The sandbox's admin interface over HTTP ({@code /sandbox/*}): the fault plan, settings, the
 * clock, the journal and paired devices' commands. The in-process side is the backend's {@code
 * SandboxAdmin}; this client speaks to the HTTP adapter over it, so a preset, a test or the phone
 * administers the desktop's embedded backend, a headless {@code serve} and a test's server alike.
 * It shares the transport (connection pool, pairing code, device header) of the {@link
 * BackendClient} it is made from. Every call blocks and returns an {@link Outcome} whose success is
 * the answer's JSON.
 */
public final class SandboxAdminClient {
  private final Transport transport;

  public SandboxAdminClient(BackendClient client) {
    this.transport = client.transport();
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

  /** {@code PUT /sandbox/faults}: replaces the plan. */
  public Outcome<JsonObject> setFaults(long seed, Rule... rules) {
    JsonObject plan = new JsonObject();
    plan.addProperty("seed", seed);
    JsonArray array = new JsonArray();
    for (Rule r : rules) {
      array.add(r.json());
    }
    plan.add("rules", array);
    return json(transport.put("sandbox/faults", plan));
  }

  /** {@code DELETE /sandbox/faults}. */
  public Outcome<JsonObject> clearFaults() {
    return json(transport.delete("sandbox/faults"));
  }

  /** {@code GET /sandbox/settings}. */
  public Outcome<JsonObject> settings() {
    return json(transport.get("sandbox/settings"));
  }

  /** {@code PUT /sandbox/settings} with {@code ginLegacyTokens}. */
  public Outcome<JsonObject> setGinLegacyTokens(boolean on) {
    JsonObject body = new JsonObject();
    body.addProperty("ginLegacyTokens", on);
    return json(transport.put("sandbox/settings", body));
  }

  /** {@code GET /sandbox/clock}. */
  public Outcome<JsonObject> clock() {
    return json(transport.get("sandbox/clock"));
  }

  /** {@code PUT /sandbox/clock}: moves the sandbox clock {@code offsetSeconds} from real time. */
  public Outcome<JsonObject> setClockOffset(long offsetSeconds) {
    JsonObject body = new JsonObject();
    body.addProperty("offsetSeconds", offsetSeconds);
    return json(transport.put("sandbox/clock", body));
  }

  /** {@code GET /sandbox/journal?limit=N}: the newest entries, redacted, oldest first. */
  public Outcome<JsonObject> journal(int limit) {
    return json(
        transport.get(
            transport.url("sandbox/journal").addQueryParameter("limit", Integer.toString(limit))));
  }

  /** {@code DELETE /sandbox/journal}. */
  public Outcome<JsonObject> clearJournal() {
    return json(transport.delete("sandbox/journal"));
  }

  /** {@code GET /sandbox/tokens}: the issued-token history (fingerprints only). */
  public Outcome<JsonObject> tokens() {
    return json(transport.get("sandbox/tokens"));
  }

  /** {@code GET /sandbox/workspace}: the App ID and every secret masked. */
  public Outcome<JsonObject> workspace() {
    return json(transport.get("sandbox/workspace"));
  }

  /** {@code GET /sandbox/devices}. */
  public Outcome<JsonObject> devices() {
    return json(transport.get("sandbox/devices"));
  }

  /** {@code POST /sandbox/devices/{id}/commands}: {@code args} as the command takes them. */
  public Outcome<JsonObject> command(String device, DeviceCommand command, Map<String, ?> args) {
    JsonObject body = new JsonObject();
    body.addProperty("command", command.wire());
    JsonObject a = new JsonObject();
    args.forEach(
        (name, value) -> {
          if (value instanceof Number n) {
            a.addProperty(name, n);
          } else if (value instanceof Boolean b) {
            a.addProperty(name, b);
          } else if (value != null) {
            a.addProperty(name, value.toString());
          }
        });
    body.add("args", a);
    return json(transport.post("sandbox/devices/" + device + "/commands", body, null));
  }

  private Outcome<JsonObject> json(okhttp3.Request request) {
    return transport.call(request, Transport.json(o -> o));
  }
}
