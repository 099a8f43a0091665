package dev.tokensandbox.backend.internal.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.PairingCheck;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.protocol.DeviceMessage;
import dev.tokensandbox.protocol.DeviceProtocol;
import dev.tokensandbox.protocol.Route;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The device channel: paired apps hold a WebSocket at {@code /sandbox/devices/ws?device=ID} (in LAN
 * mode authenticated by {@code X-Pairing-Code}) and report hello, state and events into the {@link
 * DeviceRegistry}. Listing devices and sending them commands is administration ({@code
 * backend.admin}).
 */
public final class DeviceChannel {
  /** WebSocket close code for a missing or wrong pairing code. */
  public static final int CLOSE_PAIRING_REQUIRED = 4001;

  /** WebSocket close code for a bad device id. */
  public static final int CLOSE_BAD_DEVICE = 4002;

  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** WebSocket close code for a browser page of another origin. */
  public static final int CLOSE_FORBIDDEN_ORIGIN = 4003;

  /** WebSocket close code when the sandbox already holds its maximum of connected devices. */
  public static final int CLOSE_TOO_MANY_DEVICES = 4004;

  /**
   * WebSocket close code when another connection holds the device id with other pairing credentials
   * (the desktop sees the conflict in the device's log).
   */
  public static final int CLOSE_DEVICE_CONFLICT = 4005;

  /** Devices connected at once, at most: each holds a socket, a queue and its events. */
  public static final int MAX_CONNECTED = 64;

  private final DeviceRegistry registry;
  private final PairingCheck pairing;
  private final dev.tokensandbox.backend.internal.http.OriginCheck origins;

  /** {@code pairing} is null when the sandbox listens on loopback only. */
  public DeviceChannel(DeviceRegistry registry, PairingCheck pairing) {
    this(
        registry,
        pairing,
        new dev.tokensandbox.backend.internal.http.OriginCheck(java.util.List.of()));
  }

  public DeviceChannel(
      DeviceRegistry registry,
      PairingCheck pairing,
      dev.tokensandbox.backend.internal.http.OriginCheck origins) {
    this.registry = registry;
    this.pairing = pairing;
    this.origins = origins;
  }

  public void register(Routes routes, Javalin app) {
    routes.declare(Route.DEVICE_CHANNEL);
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
    // A browser names its page: one of another site (even on this machine) gets no device channel.
    if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) {
      ctx.closeSession(
          CLOSE_FORBIDDEN_ORIGIN, "forbidden_origin: a web page of another site may not connect");
      return;
    }
    if (dev.tokensandbox.backend.internal.http.WsOut.refusedRepeatedParameter(ctx)) {
      return;
    }
    String device = ctx.queryParam(DeviceProtocol.DEVICE_QUERY);
    if (device == null || !DEVICE_ID.matcher(device).matches()) {
      ctx.closeSession(CLOSE_BAD_DEVICE, "device: must be 1..64 of A-Z a-z 0-9 . _ -");
      return;
    }
    String credential =
        PairingCheck.credential(
            ctx.header(DeviceProtocol.PAIRING_HEADER),
            ctx.queryParam(DeviceProtocol.PAIRING_QUERY));
    String peer = remoteAddress(ctx);
    if (pairing != null) {
      PairingCheck.Verdict verdict = pairing.verdict(peer, credential);
      if (verdict instanceof PairingCheck.Verdict.Throttled throttled) {
        ctx.closeSession(
            CLOSE_PAIRING_REQUIRED, "too_many_requests: " + PairingCheck.refusal(throttled));
        return;
      }
      if (!(verdict instanceof PairingCheck.Verdict.Accepted)) {
        ctx.closeSession(
            CLOSE_PAIRING_REQUIRED, "pairing_required: send the pairing code shown on the desktop");
        return;
      }
    }
    if (!registry.isConnected(device) && registry.connectedCount() >= MAX_CONNECTED) {
      ctx.closeSession(
          CLOSE_TOO_MANY_DEVICES,
          "too_many_devices: " + MAX_CONNECTED + " devices are connected; disconnect one first");
      return;
    }
    if (!registry.claim(
        device,
        dev.tokensandbox.protocol.Fingerprint.full(credential == null ? "" : credential.strip()),
        peer,
        outlet(ctx))) {
      ctx.closeSession(
          CLOSE_DEVICE_CONFLICT,
          "device_conflict: "
              + device
              + " is connected with other pairing credentials; use another device id");
      return;
    }
    ctx.enableAutomaticPings();
    dev.tokensandbox.backend.internal.http.WsOut.bound(ctx);
    ctx.attribute("device", device);
    registry.connected(device, device, "", outlet(ctx));
    ObjectNode welcome = Http.JSON.createObjectNode();
    welcome.put("type", DeviceMessage.WELCOME.wire());
    welcome.put("device", device);
    dev.tokensandbox.backend.internal.http.WsOut.send(ctx, welcome.toString());
  }

  /** One outlet per connection, so a late close of an old connection cannot cut a new one. */
  private static DeviceRegistry.Outlet outlet(WsContext ctx) {
    DeviceRegistry.Outlet existing = ctx.attribute("outlet");
    if (existing != null) {
      return existing;
    }
    DeviceRegistry.Outlet outlet =
        json -> dev.tokensandbox.backend.internal.http.WsOut.send(ctx, json);
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
