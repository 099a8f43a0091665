package dev.tokensandbox.client.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.client.clock.ExecutorClock;
import dev.tokensandbox.client.session.Backoff;
import dev.tokensandbox.client.testing.LiveBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control channel against a real sandbox: hello, state, events, commands, reconnects. */
class ControlChannelTest {
  private final ExecutorClock clock = ExecutorClock.system("control-test");
  private final OkHttpClient http = new OkHttpClient();
  private final BlockingQueue<ControlChannel.Status> statuses = new LinkedBlockingQueue<>();
  private final BlockingQueue<ControlChannel.Command> commands = new LinkedBlockingQueue<>();
  private SandboxServer server = start(0);
  private ControlChannel channel;

  private static SandboxServer start(int port) {
    return SandboxServer.builder().workspace(LiveBackend.WORKSPACE).port(port).log(l -> {}).start();
  }

  @AfterEach
  void close() {
    onClock(channel::stop);
    server.close();
    clock.close();
  }

  private void open(String device) {
    channel =
        ControlChannel.builder(server.url(), device, clock)
            .httpClient(http)
            .name("Pixel 7")
            .platform("Android 14")
            .backoff(new Backoff(Duration.ofMillis(100), 2, Duration.ofMillis(400), 0, 1))
            .random(new Random(1))
            .listener(ControlChannel.listener((s, detail) -> statuses.add(s), commands::add))
            .build();
  }

  private void onClock(Runnable r) {
    BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
    clock.schedule(
        clock.now(),
        () -> {
          r.run();
          done.add(true);
        });
    try {
      assertThat(done.poll(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private void awaitStatus(ControlChannel.Status wanted) throws InterruptedException {
    for (ControlChannel.Status s = statuses.poll(10, TimeUnit.SECONDS);
        s != wanted;
        s = statuses.poll(10, TimeUnit.SECONDS)) {
      assertThat(s).as("status before " + wanted).isNotNull();
    }
  }

  private dev.tokensandbox.protocol.admin.Device awaitDevice(
      String id, Predicate<dev.tokensandbox.protocol.admin.Device> condition)
      throws InterruptedException {
    BlockingQueue<dev.tokensandbox.protocol.admin.Device> changes = new LinkedBlockingQueue<>();
    Runnable unsubscribe = server.admin().subscribeDevices(changes::add);
    try {
      for (int i = 0; i < 100; i++) {
        var now = server.admin().device(id);
        if (now.isPresent() && condition.test(now.get())) {
          return now.get();
        }
        changes.poll(100, TimeUnit.MILLISECONDS);
      }
    } finally {
      unsubscribe.run();
    }
    throw new AssertionError("device " + id + " never matched: " + server.admin().device(id));
  }

  private int command(String device, String json) throws Exception {
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(server.url() + "/sandbox/devices/" + device + "/commands")
                    .post(RequestBody.create(json, MediaType.get("application/json")))
                    .build())
            .execute()) {
      return r.code();
    }
  }

  @Test
  void aHostThePolicyRefusesStopsTheChannelWithTheReasonInsteadOfRetrying() throws Exception {
    java.util.List<String> details = new java.util.concurrent.CopyOnWriteArrayList<>();
    channel =
        ControlChannel.builder(server.url(), "pixel-refused", clock)
            .httpClient(
                http.newBuilder()
                    .connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.MODERN_TLS))
                    .build())
            .backoff(new Backoff(Duration.ofMillis(100), 2, Duration.ofMillis(400), 0, 1))
            .listener(
                ControlChannel.listener(
                    (s, detail) -> {
                      details.add(detail); // before the status the test waits for
                      statuses.add(s);
                    },
                    commands::add))
            .build();
    onClock(channel::start);
    awaitStatus(ControlChannel.Status.STOPPED);
    assertThat(details).anyMatch(d -> d.contains("refuses cleartext HTTP"));
    assertThat(statuses.poll(500, TimeUnit.MILLISECONDS))
        .as("no reconnect after a refusal")
        .isNull();
  }

  @Test
  void helloStateAndEventsReachTheRegistryIncludingThoseSentWhileOffline() throws Exception {
    open("pixel-7");
    onClock(
        () -> {
          channel.sendEvent("12:00:00 FETCH_STARTED before the connection");
          channel.sendState(
              "SHENGWANG",
              "CONNECTED",
              "tok:1a2b3c4d",
              Instant.parse("2026-12-01T23:00:00Z"),
              "BOTH");
          channel.start();
        });
    awaitStatus(ControlChannel.Status.CONNECTED);

    dev.tokensandbox.protocol.admin.Device d =
        awaitDevice("pixel-7", x -> x.connected() && !x.events().isEmpty() && !x.state().isEmpty());
    assertThat(d.name()).isEqualTo("Pixel 7");
    assertThat(d.platform()).isEqualTo("Android 14");
    assertThat(d.state()).isEqualTo("CONNECTED");
    assertThat(d.token()).isEqualTo("tok:1a2b3c4d");
    assertThat(d.events()).containsExactly("12:00:00 FETCH_STARTED before the connection");
  }

  @Test
  void aCommandFromTheDesktopReachesTheAppAndItsResultComesBack() throws Exception {
    open("pixel-7");
    onClock(channel::start);
    awaitStatus(ControlChannel.Status.CONNECTED);
    awaitDevice("pixel-7", dev.tokensandbox.protocol.admin.Device::connected);

    assertThat(
            command(
                "pixel-7", "{\"command\":\"setPolicy\",\"args\":{\"trigger\":\"WILL_EXPIRE\"}}"))
        .isEqualTo(202);
    ControlChannel.Command c = commands.poll(5, TimeUnit.SECONDS);
    assertThat(c).isNotNull();
    assertThat(c.name()).isEqualTo("setPolicy");
    assertThat(c.arg("trigger", "")).isEqualTo("WILL_EXPIRE");
    onClock(() -> channel.sendResult(c.id(), true, "policy now WILL_EXPIRE"));

    assertThat(awaitDevice("pixel-7", x -> !x.events().isEmpty()).events())
        .containsExactly(c.id() + " → done: policy now WILL_EXPIRE");
  }

  @Test
  void itReconnectsWhenTheBackendRestarts() throws Exception {
    open("pixel-7");
    onClock(channel::start);
    awaitStatus(ControlChannel.Status.CONNECTED);
    int port = server.port();

    server.close();
    awaitStatus(ControlChannel.Status.RECONNECTING);
    server = start(port);
    awaitStatus(ControlChannel.Status.CONNECTED);
    // The new server knows the device again, hello and all.
    assertThat(awaitDevice("pixel-7", x -> x.connected() && x.name().equals("Pixel 7")).platform())
        .isEqualTo("Android 14");
    assertThat(channel.isConnected()).isTrue();
  }
}
