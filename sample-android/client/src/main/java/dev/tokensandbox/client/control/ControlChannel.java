package dev.tokensandbox.client.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.session.Backoff;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.DeviceMessage;
import dev.tokensandbox.protocol.DeviceProtocol;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The app's control connection to the sandbox's device channel ({@code
 * /sandbox/devices/ws?device=ID}, an OkHttp WebSocket with the pairing code in {@code
 * X-Pairing-Code}): it says hello, reports state and events, and hands the desktop's commands to
 * the {@link Listener}. It reconnects with backoff when the connection drops or the backend
 * restarts; the latest state and up to {@value #MAX_PENDING_EVENTS} events wait for the next
 * connection. Everything it calls runs on the {@link SandboxClock}'s thread, never on OkHttp's.
 */
public final class ControlChannel {
  /** Events kept while disconnected. */
  public static final int MAX_PENDING_EVENTS = 100;

  /** Where the channel stands. */
  public enum Status {
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    STOPPED
  }

  /** A command from the desktop: its id (for the result), name and arguments. */
  public static final class Command {
    private final String id;
    private final String name;
    private final JsonObject args;

    Command(String id, String name, JsonObject args) {
      this.id = id;
      this.name = name;
      this.args = args;
    }

    /**
     * A command as the channel would deliver it (for code that handles commands, and its tests).
     */
    public static Command of(String id, String name, java.util.Map<String, String> args) {
      JsonObject a = new JsonObject();
      args.forEach(a::addProperty);
      return new Command(id, name, a);
    }

    public String id() {
      return id;
    }

    /** fetch, join, renew, expireNow, leave, setFault or setPolicy. */
    public String name() {
      return name;
    }

    /** The command, or null for a name this version does not know. */
    public DeviceCommand command() {
      return DeviceCommand.fromWire(name);
    }

    /** A text argument, or {@code fallback}. */
    public String arg(String key, String fallback) {
      JsonElement e = args.get(key);
      return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    @Override
    public String toString() {
      return id + " " + name + " " + args;
    }
  }

  /** Hears the channel on the clock's thread. */
  public interface Listener {
    void status(Status status, String detail);

    void command(Command command);
  }

  private final OkHttpClient http;
  private final HttpUrl url;
  private final String device;
  private final String name;
  private final String platform;
  private final String pairingCode;
  private final SandboxClock clock;
  private final Backoff backoff;
  private final Random random;
  private final Listener listener;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private String lastState;
  private WebSocket socket;
  private boolean connected;
  private boolean stopped = true;
  private int failures;
  private SandboxClock.Scheduled retry;
  private int generation;

  private ControlChannel(Builder b) {
    this.http = b.http;
    this.device = b.device;
    this.name = b.name;
    this.platform = b.platform;
    this.pairingCode = b.pairingCode;
    this.clock = b.clock;
    this.backoff = b.backoff;
    this.random = b.random;
    this.listener = b.listener;
    HttpUrl base = HttpUrl.parse(b.baseUrl);
    if (base == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + b.baseUrl);
    }
    this.url =
        base.newBuilder()
            .addPathSegments(DeviceProtocol.CHANNEL_PATH.substring(1))
            .addQueryParameter(DeviceProtocol.DEVICE_QUERY, b.device)
            .build();
  }

  /** A channel for {@code deviceId} to the backend at {@code baseUrl}. */
  public static Builder builder(String baseUrl, String deviceId, SandboxClock clock) {
    return new Builder(baseUrl, deviceId, clock);
  }

  /** Connects (call on the clock's thread); reconnects by itself until {@link #stop()}. */
  public void start() {
    if (!stopped) {
      return;
    }
    stopped = false;
    failures = 0;
    connect(Status.CONNECTING);
  }

  /** Closes the connection and stops reconnecting (call on the clock's thread). */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    generation++;
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
    if (socket != null) {
      socket.close(1000, "app stopped");
      socket = null;
    }
    connected = false;
    listener.status(Status.STOPPED, "stopped");
  }

  public boolean isConnected() {
    return connected;
  }

  /** Reports the app's state; the latest one is resent after every reconnect. */
  public void sendState(
      String flow, String state, String tokenFingerprint, Instant expiresAt, String policy) {
    JsonObject m = new JsonObject();
    m.addProperty("type", DeviceMessage.STATE.wire());
    m.addProperty("flow", flow);
    m.addProperty("state", state);
    m.addProperty("token", tokenFingerprint);
    m.addProperty("expiresAt", expiresAt == null ? "" : expiresAt.toString());
    m.addProperty("policy", policy);
    lastState = m.toString();
    if (connected) {
      socket.send(lastState);
    }
  }

  /** Reports one event line (kept while disconnected, the oldest dropped past the limit). */
  public void sendEvent(String line) {
    JsonObject m = new JsonObject();
    m.addProperty("type", DeviceMessage.EVENT.wire());
    m.addProperty("line", line);
    send(m.toString());
  }

  /** Tells the desktop how command {@code id} went. */
  public void sendResult(String id, boolean ok, String message) {
    JsonObject m = new JsonObject();
    m.addProperty("type", DeviceMessage.RESULT.wire());
    m.addProperty("id", id);
    m.addProperty("ok", ok);
    m.addProperty("message", message);
    send(m.toString());
  }

  private void send(String json) {
    if (connected) {
      socket.send(json);
      return;
    }
    if (pending.size() == MAX_PENDING_EVENTS) {
      pending.removeFirst();
    }
    pending.addLast(json);
  }

  private void connect(Status status) {
    listener.status(status, status == Status.CONNECTING ? url.host() + ":" + url.port() : "");
    Request.Builder request = new Request.Builder().url(url);
    if (pairingCode != null) {
      request.header(DeviceProtocol.PAIRING_HEADER, pairingCode);
    }
    int mine = ++generation;
    socket = http.newWebSocket(request.build(), new Events(mine));
  }

  /** OkHttp's callbacks, moved onto the clock's thread and ignored once superseded. */
  private final class Events extends WebSocketListener {
    private final int mine;

    Events(int mine) {
      this.mine = mine;
    }

    private void onClock(Runnable r) {
      clock.schedule(
          clock.now(),
          () -> {
            if (mine == generation && !stopped) {
              r.run();
            }
          });
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      onClock(() -> opened(webSocket));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      onClock(() -> message(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      onClock(() -> dropped("closed by the sandbox (" + code + " " + reason + ")", code));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      if (t instanceof java.net.UnknownServiceException refused) {
        // The device's network security policy refuses the host: retrying changes nothing.
        onClock(
            () -> {
              connected = false;
              socket = null;
              stopped = true;
              listener.status(
                  Status.STOPPED, dev.tokensandbox.client.backend.Transport.refused(refused));
            });
        return;
      }
      String why =
          response != null
              ? "HTTP " + response.code()
              : t.getClass().getSimpleName()
                  + (t.getMessage() == null ? "" : ": " + t.getMessage());
      onClock(() -> dropped(why, 0));
    }
  }

  private void opened(WebSocket webSocket) {
    connected = true;
    failures = 0;
    JsonObject hello = new JsonObject();
    hello.addProperty("type", DeviceMessage.HELLO.wire());
    hello.addProperty("name", name);
    hello.addProperty("platform", platform);
    webSocket.send(hello.toString());
    if (lastState != null) {
      webSocket.send(lastState);
    }
    while (!pending.isEmpty()) {
      webSocket.send(pending.removeFirst());
    }
    listener.status(Status.CONNECTED, device);
  }

  private void message(String text) {
    JsonObject m;
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        return;
      }
      m = e.getAsJsonObject();
    } catch (JsonSyntaxException e) {
      return; // not ours to crash on: the channel ignores what it cannot read
    }
    JsonElement type = m.get("type");
    if (type == null || DeviceMessage.fromWire(type.getAsString()) != DeviceMessage.COMMAND) {
      return;
    }
    JsonElement args = m.get("args");
    listener.command(
        new Command(
            text(m, "id"),
            text(m, "command"),
            args != null && args.isJsonObject() ? args.getAsJsonObject() : new JsonObject()));
  }

  private static String text(JsonObject m, String key) {
    JsonElement e = m.get(key);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  private void dropped(String why, int code) {
    connected = false;
    socket = null;
    failures++;
    java.time.Duration wait = backoff.delayAfter(failures, random);
    listener.status(
        Status.RECONNECTING,
        why + "; retrying in " + wait.toMillis() / 1000.0 + " s (attempt " + failures + ")");
    retry =
        clock.scheduleAfter(
            wait,
            () -> {
              retry = null;
              if (!stopped) {
                connect(Status.RECONNECTING);
              }
            });
  }

  /** Options for a {@link ControlChannel}. */
  public static final class Builder {
    private final String baseUrl;
    private final String device;
    private final SandboxClock clock;
    private OkHttpClient http;
    private String name;
    private String platform = "";
    private String pairingCode;
    private Backoff backoff =
        new Backoff(java.time.Duration.ofSeconds(1), 2, java.time.Duration.ofSeconds(30), 0.2, 1);
    private Random random = new Random();
    private Listener listener;

    private Builder(String baseUrl, String device, SandboxClock clock) {
      this.baseUrl = baseUrl;
      this.device = device;
      this.clock = clock;
      this.name = device;
    }

    /** The shared OkHttpClient; a ping interval is added so a dead connection is noticed. */
    public Builder httpClient(OkHttpClient http) {
      this.http = http;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    public Builder pairingCode(String code) {
      this.pairingCode = code;
      return this;
    }

    /** Reconnect delays (its attempt limit is ignored: the channel keeps trying). */
    public Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = listener;
      return this;
    }

    public ControlChannel build() {
      if (listener == null) {
        throw new IllegalArgumentException("a ControlChannel needs a listener");
      }
      OkHttpClient base =
          http != null ? http : dev.tokensandbox.client.backend.BackendClient.defaultHttpClient();
      http =
          base.newBuilder()
              .pingInterval(15, TimeUnit.SECONDS)
              .readTimeout(0, TimeUnit.SECONDS)
              .build();
      return new ControlChannel(this);
    }
  }

  /** A listener from two lambdas. */
  public static Listener listener(
      java.util.function.BiConsumer<Status, String> status, Consumer<Command> command) {
    return new Listener() {
      @Override
      public void status(Status s, String detail) {
        status.accept(s, detail);
      }

      @Override
      public void command(Command c) {
        command.accept(c);
      }
    };
  }
}
