package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.devices.DeviceChannel;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The device channel from a real OkHttp WebSocket: hello, state, events, commands, faults. */
class DeviceChannelTest {
  private final ServerFixture sandbox = new ServerFixture();

  /** OkHttp runs each WebSocket's reader on a dispatcher slot: room for more than 64 phones. */
  private final okhttp3.OkHttpClient client = phones(sandbox.http);

  private static okhttp3.OkHttpClient phones(okhttp3.OkHttpClient base) {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(256);
    return base.newBuilder().dispatcher(dispatcher).build();
  }

  @AfterEach
  void stop() {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    sandbox.close();
  }

  /** A device's end of the channel: every frame and the close code land in queues. */
  private final class Phone extends WebSocketListener {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
    final WebSocket socket;

    Phone(String device) {
      this(device, null);
    }

    /** A connection that sends {@code origin} as a browser page would (null: none, an app). */
    Phone(String device, String origin) {
      this(device, origin, null);
    }

    /** ... and sends {@code pairingCode} as {@code X-Pairing-Code} (null: none). */
    Phone(String device, String origin, String pairingCode) {
      Request.Builder request =
          new Request.Builder()
              .url(
                  sandbox.server.url().replace("http", "ws")
                      + "/sandbox/devices/ws?device="
                      + device);
      if (origin != null) {
        request.header("Origin", origin);
      }
      if (pairingCode != null) {
        request.header("X-Pairing-Code", pairingCode);
      }
      socket = client.newWebSocket(request.build(), this);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      frames.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      closed.add(code);
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      closed.add(-1);
    }

    JsonNode next() throws Exception {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      assertThat(frame).as("a frame from the sandbox").isNotNull();
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(frame);
    }
  }

  private JsonNode device(String id) {
    for (JsonNode d : sandbox.get("/sandbox/devices").json().path("devices")) {
      if (d.path("id").asText().equals(id)) {
        return d;
      }
    }
    return null;
  }

  private void awaitDevice(String id, java.util.function.Predicate<JsonNode> condition)
      throws Exception {
    BlockingQueue<Boolean> seen = new LinkedBlockingQueue<>();
    Runnable unsubscribe =
        sandbox
            .server
            .admin()
            .subscribeDevices(
                d -> {
                  if (d.id().equals(id)) {
                    seen.add(true);
                  }
                });
    try {
      for (int i = 0; i < 50 && (device(id) == null || !condition.test(device(id))); i++) {
        seen.poll(100, TimeUnit.MILLISECONDS);
      }
    } finally {
      unsubscribe.run();
    }
    JsonNode last = device(id);
    assertThat(last != null && condition.test(last)).as("device %s: %s", id, last).isTrue();
  }

  @Test
  void aDeviceSaysHelloReportsStateAndEventsAndTheTokenIsRedacted() throws Exception {
    Phone phone = new Phone("pixel-7");
    assertThat(phone.next().path("type").asText()).isEqualTo("welcome");
    String token = sandbox.get("/api/agora/token?channelName=a&uid=1").body();
    phone.socket.send("{\"type\":\"hello\",\"name\":\"Pixel 7\",\"platform\":\"Android 14\"}");
    phone.socket.send(
        "{\"type\":\"state\",\"flow\":\"SHENGWANG\",\"state\":\"CONNECTED\",\"token\":\""
            + token
            + "\",\"expiresAt\":\"2026-11-24T13:00:00Z\",\"policy\":\"BOTH\"}");
    phone.socket.send("{\"type\":\"event\",\"line\":\"12:00:30 WILL_EXPIRE kick in 30 s\"}");

    awaitDevice("pixel-7", d -> d.path("events").size() == 1);
    JsonNode d = device("pixel-7");
    assertThat(d.path("name").asText()).isEqualTo("Pixel 7");
    assertThat(d.path("connected").asBoolean()).isTrue();
    assertThat(d.path("state").asText()).isEqualTo("CONNECTED");
    assertThat(d.path("token").asText()).startsWith("«token tok:").doesNotContain(token);
    assertThat(d.path("tokenExpiresAt").asText()).isEqualTo("2026-11-24T13:00:00Z");
    assertThat(d.path("events").get(0).asText()).contains("WILL_EXPIRE");
  }

  @Test
  void commandsReachTheDeviceAndSetFaultScopesARuleToIt() throws Exception {
    Phone phone = new Phone("pixel-7");
    phone.next();

    ServerFixture.Reply renew =
        sandbox.post("/sandbox/devices/pixel-7/commands", "{\"command\":\"renew\"}");
    assertThat(renew.code()).isEqualTo(202);
    JsonNode command = phone.next();
    assertThat(command.path("type").asText()).isEqualTo("command");
    assertThat(command.path("command").asText()).isEqualTo("renew");
    assertThat(command.path("id").asText()).isEqualTo(renew.json().path("id").asText());

    ServerFixture.Reply fault =
        sandbox.post(
            "/sandbox/devices/pixel-7/commands",
            "{\"command\":\"setFault\",\"args\":{\"fault\":\"STATUS\",\"value\":503,\"route\":\"agora.*\"}}");
    assertThat(fault.code()).isEqualTo(202);
    assertThat(phone.next().path("args").path("fault").asText()).isEqualTo("STATUS");
    assertThat(sandbox.server.admin().faults().rules())
        .singleElement()
        .extracting(FaultRule::device, FaultRule::route)
        .containsExactly("pixel-7", "agora.*");
    assertThat(
            sandbox
                .get("/api/agora/token?channelName=a&uid=1", "X-Sandbox-Device", "pixel-7")
                .code())
        .isEqualTo(503);
    assertThat(sandbox.get("/api/agora/token?channelName=a&uid=1").code()).isEqualTo(200);

    sandbox.post(
        "/sandbox/devices/pixel-7/commands",
        "{\"command\":\"setFault\",\"args\":{\"fault\":\"NONE\"}}");
    assertThat(sandbox.server.admin().faults().rules()).isEmpty();
  }

  @Test
  void badCommandsAreCleanErrors() throws Exception {
    assertThat(sandbox.post("/sandbox/devices/ghost/commands", "{\"command\":\"renew\"}").code())
        .isEqualTo(404);
    Phone phone = new Phone("pixel-7");
    phone.next();

    ServerFixture.Reply bad =
        sandbox.post("/sandbox/devices/pixel-7/commands", "{\"command\":\"explode\"}");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.json().path("field").asText()).isEqualTo("command");
    ServerFixture.Reply policy =
        sandbox.post(
            "/sandbox/devices/pixel-7/commands",
            "{\"command\":\"setPolicy\",\"args\":{\"trigger\":\"SOMETIMES\"}}");
    assertThat(policy.json().path("field").asText()).isEqualTo("args.trigger");
    ServerFixture.Reply fault =
        sandbox.post(
            "/sandbox/devices/pixel-7/commands",
            "{\"command\":\"setFault\",\"args\":{\"fault\":\"STATUS\",\"value\":418}}");
    assertThat(fault.code()).isEqualTo(400);
    assertThat(fault.json().path("field").asText()).isEqualTo("args.value");

    phone.socket.close(1000, "bye");
    awaitDevice("pixel-7", d -> !d.path("connected").asBoolean());
    ServerFixture.Reply offline =
        sandbox.post("/sandbox/devices/pixel-7/commands", "{\"command\":\"renew\"}");
    assertThat(offline.code()).isEqualTo(409);
    assertThat(offline.json().path("error").asText()).isEqualTo("device_offline");
  }

  @Test
  void aBadDeviceIdIsRefusedWithACloseCode() throws Exception {
    Phone phone = new Phone("no%20spaces%20please");
    assertThat(phone.closed.poll(5, TimeUnit.SECONDS)).isEqualTo(DeviceChannel.CLOSE_BAD_DEVICE);
  }

  @Test
  void aWebPageOfAnotherSiteGetsNoDeviceChannelAndCannotTakeAPhonesId() throws Exception {
    Phone phone = new Phone("pixel-1");
    assertThat(phone.next().path("type").asText()).isEqualTo("welcome");

    Phone page = new Phone("pixel-1", "http://evil.example");

    assertThat(page.closed.poll(5, TimeUnit.SECONDS))
        .isEqualTo(dev.tokensandbox.backend.internal.devices.DeviceChannel.CLOSE_FORBIDDEN_ORIGIN);
    assertThat(page.frames).isEmpty();
    // The phone keeps its channel: a command still reaches it.
    assertThat(sandbox.post("/sandbox/devices/pixel-1/commands", "{\"command\":\"renew\"}").code())
        .isEqualTo(202);
    assertThat(phone.next().path("type").asText()).isEqualTo("command");

    Phone sameOrigin = new Phone("tab-1", sandbox.server.url());
    assertThat(sameOrigin.next().path("type").asText()).isEqualTo("welcome");
  }

  @Test
  void aDeviceIdIsBoundToTheCredentialsThatPairedIt() throws Exception {
    Phone phone = new Phone("pixel-1", null, "q3Jx-7_vKp0aZc1LmN4oPq8rStUvWxYz");
    assertThat(phone.next().path("type").asText()).isEqualTo("welcome");

    Phone other = new Phone("pixel-1", null, null);

    assertThat(other.closed.poll(5, TimeUnit.SECONDS))
        .isEqualTo(dev.tokensandbox.backend.internal.devices.DeviceChannel.CLOSE_DEVICE_CONFLICT);
    awaitDevice(
        "pixel-1",
        d -> d.path("events").toString().contains("CONFLICT: a second connection from 127.0.0.1"));
    assertThat(sandbox.post("/sandbox/devices/pixel-1/commands", "{\"command\":\"renew\"}").code())
        .isEqualTo(202);
    assertThat(phone.next().path("type").asText())
        .as("the phone keeps its commands")
        .isEqualTo("command");
    assertThat(other.frames).isEmpty();

    // The phone itself, reconnecting with the same credentials, takes its id back.
    Phone again = new Phone("pixel-1", null, " q3Jx-7_vKp0aZc1LmN4oPq8rStUvWxYz ");
    assertThat(again.next().path("type").asText()).isEqualTo("welcome");
  }

  @Test
  void aRepeatedDeviceParameterIsRefusedNamingIt() throws Exception {
    Phone phone = new Phone("pixel-1&device=pixel-2");

    assertThat(phone.closed.poll(5, TimeUnit.SECONDS))
        .isEqualTo(dev.tokensandbox.backend.internal.http.WsOut.CLOSE_BAD_REQUEST);
    assertThat(sandbox.server.admin().devices()).isEmpty();
  }

  @Test
  void theNumberOfConnectedDevicesIsCapped() throws Exception {
    java.util.List<Phone> phones = new java.util.ArrayList<>();
    for (int i = 0;
        i < dev.tokensandbox.backend.internal.devices.DeviceChannel.MAX_CONNECTED;
        i++) {
      Phone p = new Phone("phone-" + i);
      assertThat(p.next().path("type").asText()).isEqualTo("welcome");
      phones.add(p);
    }

    Phone oneTooMany = new Phone("phone-x");

    assertThat(oneTooMany.closed.poll(5, TimeUnit.SECONDS))
        .isEqualTo(dev.tokensandbox.backend.internal.devices.DeviceChannel.CLOSE_TOO_MANY_DEVICES);
    Phone again = new Phone("phone-0");
    assertThat(again.next().path("type").asText())
        .as("a connected device may reconnect at the cap")
        .isEqualTo("welcome");
  }
}
