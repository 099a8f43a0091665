package dev.tokensandbox.backend.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensandbox.backend.faults.Fault;
import dev.tokensandbox.backend.faults.FaultInjector;
import dev.tokensandbox.backend.faults.FaultPlan;
import dev.tokensandbox.backend.faults.FaultRule;
import dev.tokensandbox.backend.http.ApiError;
import dev.tokensandbox.backend.http.Http;
import dev.tokensandbox.backend.http.PairingCheck;
import dev.tokensandbox.backend.http.Routes;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.DeviceMessage;
import dev.tokensandbox.protocol.DeviceProtocol;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The device channel: paired apps hold a WebSocket at {@code /sandbox/devices/ws?device=ID} (in LAN
 * mode authenticated by {@code X-Pairing-Code}) and report hello, state and events; the desktop or
 * any HTTP client lists them ({@code GET /sandbox/devices}) and sends commands ({@code POST
 * /sandbox/devices/{id}/commands}). {@code setFault} is applied here, as a fault rule for that
 * device, and also told to the device.
 */
public final class DeviceChannel {
  /** WebSocket close code for a missing or wrong pairing code. */
  public static final int CLOSE_PAIRING_REQUIRED = 4001;

  /** WebSocket close code for a bad device id. */
  public static final int CLOSE_BAD_DEVICE = 4002;

  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final List<String> TRIGGERS = List.of("WILL_EXPIRE", "REQUEST_TOKEN", "BOTH");

  private final DeviceRegistry registry;
  private final FaultInjector faults;
  private final PairingCheck pairing;

  /** {@code pairing} is null when the sandbox listens on loopback only. */
  public DeviceChannel(DeviceRegistry registry, FaultInjector faults, PairingCheck pairing) {
    this.registry = registry;
    this.faults = faults;
    this.pairing = pairing;
  }

  public void register(Routes routes, Javalin app) {
    routes.get(
        "sandbox.devices",
        "/sandbox/devices",
        ctx -> Http.json(ctx, 200, Map.of("devices", registry.devices())));
    routes.post("sandbox.devices", "/sandbox/devices/{id}/commands", ctx -> command(ctx));
    routes.declare("GET", DeviceProtocol.CHANNEL_PATH);
    app.ws(
        DeviceProtocol.CHANNEL_PATH,
        ws -> {
          ws.onConnect(this::connect);
          ws.onMessage(ctx -> message(ctx, ctx.message()));
          ws.onClose(ctx -> disconnect(ctx));
          ws.onError(ctx -> disconnect(ctx));
        });
  }

  private void connect(WsContext ctx) {
    String device = ctx.queryParam(DeviceProtocol.DEVICE_QUERY);
    if (device == null || !DEVICE_ID.matcher(device).matches()) {
      ctx.closeSession(CLOSE_BAD_DEVICE, "device: must be 1..64 of A-Z a-z 0-9 . _ -");
      return;
    }
    if (pairing != null) {
      PairingCheck.Verdict verdict =
          pairing.verdict(remoteAddress(ctx), ctx.header(DeviceProtocol.PAIRING_HEADER));
      if (verdict instanceof PairingCheck.Verdict.Throttled throttled) {
        ctx.closeSession(
            CLOSE_PAIRING_REQUIRED,
            "too_many_requests: too many wrong pairing codes, wait "
                + throttled.retryAfterSeconds()
                + " s");
        return;
      }
      if (!(verdict instanceof PairingCheck.Verdict.Accepted)) {
        ctx.closeSession(
            CLOSE_PAIRING_REQUIRED, "pairing_required: send the pairing code shown on the desktop");
        return;
      }
    }
    ctx.enableAutomaticPings();
    dev.tokensandbox.backend.http.WsOut.bound(ctx);
    ctx.attribute("device", device);
    registry.connected(device, device, "", outlet(ctx));
    ObjectNode welcome = Http.JSON.createObjectNode();
    welcome.put("type", DeviceMessage.WELCOME.wire());
    welcome.put("device", device);
    dev.tokensandbox.backend.http.WsOut.send(ctx, welcome.toString());
  }

  /** One outlet per connection, so a late close of an old connection cannot cut a new one. */
  private static DeviceRegistry.Outlet outlet(WsContext ctx) {
    DeviceRegistry.Outlet existing = ctx.attribute("outlet");
    if (existing != null) {
      return existing;
    }
    DeviceRegistry.Outlet outlet = json -> dev.tokensandbox.backend.http.WsOut.send(ctx, json);
    ctx.attribute("outlet", outlet);
    return outlet;
  }

  private void message(WsContext ctx, String text) {
    String device = ctx.attribute("device");
    if (device == null) {
      return;
    }
    JsonNode m;
    try {
      m = Http.JSON.readTree(text);
    } catch (java.io.IOException e) {
      registry.event(device, "(unreadable message from the device ignored)");
      return;
    }
    DeviceMessage type = DeviceMessage.fromWire(m.path("type").asText());
    if (type == null) {
      registry.event(device, "(unknown message type ignored)");
      return;
    }
    switch (type) {
      case HELLO ->
          registry.connected(
              device, m.path("name").asText(device), m.path("platform").asText(""), outlet(ctx));
      case STATE ->
          registry.state(
              device,
              m.path("flow").asText(""),
              m.path("state").asText(""),
              m.path("token").asText(""),
              instant(m.path("expiresAt").asText("")),
              m.path("policy").asText(""));
      case EVENT -> registry.event(device, m.path("line").asText(""));
      case RESULT ->
          registry.event(
              device,
              m.path("id").asText("?")
                  + " → "
                  + (m.path("ok").asBoolean(false) ? "done" : "failed")
                  + ": "
                  + m.path("message").asText(""));
      default -> registry.event(device, "(" + type.wire() + " is not for the sandbox: ignored)");
    }
  }

  private void disconnect(WsContext ctx) {
    String device = ctx.attribute("device");
    if (device != null) {
      registry.disconnected(device, outlet(ctx));
    }
  }

  private void command(io.javalin.http.Context ctx) {
    String device = ctx.pathParam("id");
    if (!registry.isKnown(device)) {
      throw new ApiError(404, "unknown_device", "id", "no device " + device + " has connected");
    }
    JsonNode body = Http.objectBody(ctx);
    DeviceCommand command = DeviceCommand.fromWire(Http.text(body, "command", 32));
    if (command == null) {
      throw ApiError.badRequest("command", "must be one of " + DeviceRegistry.COMMANDS);
    }
    JsonNode args = body.path("args");
    if (!args.isMissingNode() && !args.isObject()) {
      throw ApiError.badRequest("args", "must be an object");
    }
    ObjectNode checked = Http.JSON.createObjectNode();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("device", device);
    answer.put("command", command.wire());
    if (command == DeviceCommand.SET_FAULT) {
      String description = applyFault(device, args, checked);
      registry.fault(device, description);
      answer.put("applied", description);
    } else if (command == DeviceCommand.SET_POLICY) {
      String trigger = Http.text(args, "trigger", 32);
      if (trigger == null || !TRIGGERS.contains(trigger.toUpperCase(Locale.ROOT))) {
        throw ApiError.badRequest("args.trigger", "must be one of " + TRIGGERS);
      }
      checked.put("trigger", trigger.toUpperCase(Locale.ROOT));
    }
    var sent =
        registry.send(
            device,
            id -> {
              ObjectNode m = Http.JSON.createObjectNode();
              m.put("type", DeviceMessage.COMMAND.wire());
              m.put("id", id);
              m.put("command", command.wire());
              m.set("args", checked);
              return m.toString();
            });
    if (sent.isEmpty() && command != DeviceCommand.SET_FAULT) {
      throw new ApiError(409, "device_offline", "id", device + " is not connected right now");
    }
    answer.put("id", sent.orElse(""));
    answer.put("delivered", sent.isPresent());
    Http.json(ctx, 202, answer);
  }

  /** Replaces the device's rules in the fault plan; returns what the device now suffers. */
  private String applyFault(String device, JsonNode args, ObjectNode checked) {
    String name = Http.text(args, "fault", 32);
    if (name == null) {
      throw ApiError.badRequest(
          "args.fault", "is required: NONE or one of " + List.of(Fault.values()));
    }
    List<FaultRule> rules = new ArrayList<>();
    for (FaultRule r : faults.plan().rules()) {
      if (!device.equals(r.device())) {
        rules.add(r);
      }
    }
    String description = "none";
    if (!name.equalsIgnoreCase("NONE")) {
      Fault fault;
      try {
        fault = Fault.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(
            "args.fault", "must be NONE or one of " + List.of(Fault.values()));
      }
      Integer value = Http.integer(args, "value", -604_800, 604_800);
      String route = Http.text(args, "route", 64);
      try {
        rules.add(
            new FaultRule(
                route == null ? "*" : route, fault, value == null ? 0 : value, 1.0, device));
      } catch (IllegalArgumentException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        throw ApiError.badRequest(
            "args." + message.substring(0, Math.max(0, colon)), message.substring(colon + 2));
      }
      description = fault + (value == null || value == 0 ? "" : " " + value);
      checked.put("fault", fault.name());
      checked.put("value", value == null ? 0 : value);
    } else {
      checked.put("fault", "NONE");
    }
    faults.setPlan(new FaultPlan(faults.plan().seed(), rules));
    return description;
  }

  private static Instant instant(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The peer's IP address; an unknown peer counts as remote ({@code 0.0.0.0} is not loopback). */
  private static String remoteAddress(WsContext ctx) {
    return ctx.session.getRemoteAddress() instanceof java.net.InetSocketAddress inet
            && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : "0.0.0.0";
  }
}
