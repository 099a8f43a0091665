package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.internal.admin.SandboxApi;
import dev.tokensandbox.backend.internal.devices.DeviceChannel;
import dev.tokensandbox.backend.internal.devices.DeviceRegistry;
import dev.tokensandbox.backend.internal.provider.ChatSdkProvider;
import dev.tokensandbox.backend.traffic.TrafficJournal;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

/**
 * Every store the server keeps, filled to its cap with the largest values its routes accept (text
 * outside Latin-1, so each character takes two bytes; JSON of the tiniest members), and the heap
 * they retain measured: with the working set of a busy server it must fit the launcher's heap
 * ({@code -Xmx256m}), so no client can drive {@code serve} into an OutOfMemoryError.
 */
class HeapBudgetTest {
  /** The heap {@code bin/token-sandbox serve} and the image give the JVM. */
  private static final long LAUNCHER_HEAP = 256L << 20;

  /**
   * Left for the server's own working set: classes' objects, Jetty's buffers, requests in flight.
   */
  private static final long WORKING_SET = 64L << 20;

  private static final MediaType JSON = MediaType.get("application/json");

  @Test
  void everyStoreAtItsCapFitsTheLauncherHeap() throws Exception {
    try (ServerFixture sandbox = new ServerFixture()) {
      OkHttpClient http = phones(sandbox.http);
      long baseline = retainedHeap();
      long t0 = System.nanoTime();

      // ChatSDK users: the longest id, name and image, and a custom object of the tiniest members.
      StringBuilder custom = new StringBuilder("{");
      for (int i = 0; custom.length() < ChatSdkProvider.MAX_CUSTOM_BYTES - 12; i++) {
        custom.append(i == 0 ? "" : ",").append('"').append(Integer.toString(i, 36)).append("\":0");
      }
      custom.append('}');
      String name = "€".repeat(255);
      String image = "€".repeat(2048);
      for (int i = 0; i < ChatSdkProvider.MAX_USERS; i++) {
        String id = String.format("%05d", i) + "€".repeat(250);
        post(
            http,
            sandbox.server.url() + "/tokens",
            "{\"userId\":\""
                + id
                + "\",\"name\":\""
                + name
                + "\",\"image\":\""
                + image
                + "\",\"custom\":"
                + custom
                + "}",
            null,
            "X-API-Key",
            ServerFixture.WORKSPACE.chatsdkApiKey());
      }
      long chat = retainedHeap() - baseline;
      System.out.printf("filled in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

      // Customer sessions, every one of them.
      for (int i = 0;
          i < dev.tokensandbox.backend.internal.customer.CustomerAuth.MAX_SESSIONS;
          i++) {
        post(
            http,
            sandbox.server.url() + "/auth/login",
            "{\"username\":\"alice\",\"password\":\"alice-demo\"}",
            null);
      }
      assertThat(sandbox.server.customerSessions())
          .isEqualTo(dev.tokensandbox.backend.internal.customer.CustomerAuth.MAX_SESSIONS);
      long sessions = retainedHeap() - baseline - chat;

      // Devices: every connected one and every remembered offline one, each with a full log.
      String line = "€".repeat(500);
      List<WebSocket> connected = new ArrayList<>();
      // The offline ones first: at most MAX_CONNECTED may be connected at once.
      for (int i = 0; i < DeviceChannel.MAX_CONNECTED + DeviceRegistry.MAX_OFFLINE; i++) {
        if (i == DeviceRegistry.MAX_OFFLINE) {
          awaitConnectedAtMost(sandbox, 0);
        }
        WebSocket phone = phone(http, sandbox.server.url(), "phone-" + i);
        for (int e = 0; e < DeviceRegistry.MAX_EVENTS; e++) {
          phone.send("{\"type\":\"event\",\"line\":\"" + line + "\"}");
        }
        phone.send("{\"type\":\"hello\",\"name\":\"" + line + "\",\"platform\":\"" + line + "\"}");
        if (i < DeviceRegistry.MAX_OFFLINE) {
          phone.close(1000, "offline now");
        } else {
          connected.add(phone);
        }
      }
      awaitDevicesReported(sandbox);
      long devices = retainedHeap() - baseline - chat - sessions;

      // Last, as the other phases' requests replace its entries: the journal and the reveal
      // copies, with the largest body, header and path a request may carry.
      String wide = "€".repeat(20_000); // 60 KB as UTF-8, under the 64 KiB body limit
      String body = "{\"username\":\"" + wide + "\",\"password\":\"x\"}";
      String agent = "x".repeat(4_000); // a header is Latin-1: one byte a character
      String path = "/auth/login?q=" + "%E2%82%AC".repeat(300);
      for (int i = 0; i < TrafficJournal.DEFAULT_CAPACITY; i++) {
        post(http, sandbox.server.url() + path, body, agent);
      }
      long before = retainedHeap();
      sandbox.server.admin().clearJournal(); // the reveal copies stay
      long entries = before - retainedHeap();
      for (int i = 0; i < TrafficJournal.DEFAULT_CAPACITY; i++) {
        post(http, sandbox.server.url() + path, body, agent);
      }

      long all = retainedHeap() - baseline;
      long journal = all - chat - sessions - devices;

      // Journal streams: each stalled reader holds at most STREAM_QUEUE entries; in the worst case
      // none of them is still in the journal, so each costs what a journal entry costs.
      long streams =
          entries
              * SandboxApi.MAX_STREAMS
              * SandboxApi.STREAM_QUEUE
              / TrafficJournal.DEFAULT_CAPACITY;

      // The phases' figures are differences of heap readings (the journal's entries change with
      // each phase's requests, Jetty's buffer pools move a little); the total is one reading with
      // every store full at its worst.
      long total = all + streams;
      System.out.printf(
          "heap budget: journal+reveals ~%d MB, ChatSDK users ~%d MB, sessions ~%d MB,"
              + " devices ~%d MB, streams (worst) %d MB: %d MB of %d MB%n",
          journal >> 20,
          chat >> 20,
          sessions >> 20,
          devices >> 20,
          streams >> 20,
          total >> 20,
          (LAUNCHER_HEAP - WORKING_SET) >> 20);
      assertThat(sandbox.server.admin().devices())
          .hasSize(DeviceChannel.MAX_CONNECTED + DeviceRegistry.MAX_OFFLINE);
      assertThat(total).isLessThan(LAUNCHER_HEAP - WORKING_SET);
      connected.forEach(p -> p.close(1000, "done"));
      http.dispatcher().executorService().shutdown();
    }
  }

  private static OkHttpClient phones(OkHttpClient base) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(512);
    dispatcher.setMaxRequestsPerHost(512);
    // Without TCP_NODELAY each large POST waits out the server's delayed ACK (about 40 ms).
    javax.net.SocketFactory noDelay =
        new javax.net.SocketFactory() {
          private java.net.Socket configured(java.net.Socket socket) throws java.io.IOException {
            socket.setTcpNoDelay(true);
            return socket;
          }

          @Override
          public java.net.Socket createSocket() throws java.io.IOException {
            return configured(new java.net.Socket());
          }

          @Override
          public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return configured(new java.net.Socket(host, port));
          }

          @Override
          public java.net.Socket createSocket(
              String host, int port, java.net.InetAddress local, int localPort)
              throws java.io.IOException {
            return configured(new java.net.Socket(host, port, local, localPort));
          }

          @Override
          public java.net.Socket createSocket(java.net.InetAddress host, int port)
              throws java.io.IOException {
            return configured(new java.net.Socket(host, port));
          }

          @Override
          public java.net.Socket createSocket(
              java.net.InetAddress host, int port, java.net.InetAddress local, int localPort)
              throws java.io.IOException {
            return configured(new java.net.Socket(host, port, local, localPort));
          }
        };
    return base.newBuilder().dispatcher(dispatcher).socketFactory(noDelay).build();
  }

  private static void post(OkHttpClient http, String url, String body, String agent, String... h)
      throws Exception {
    Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
    if (agent != null) {
      request.header("User-Agent", agent);
    }
    for (int i = 0; i + 1 < h.length; i += 2) {
      request.header(h[i], h[i + 1]);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      assertThat(response.code()).as(url).isLessThan(500);
    }
  }

  private static WebSocket phone(OkHttpClient http, String base, String id) throws Exception {
    CountDownLatch welcomed = new CountDownLatch(1);
    WebSocket socket =
        http.newWebSocket(
            new Request.Builder()
                .url(base.replace("http", "ws") + "/sandbox/devices/ws?device=" + id)
                .build(),
            new WebSocketListener() {
              @Override
              public void onMessage(WebSocket webSocket, String text) {
                welcomed.countDown();
              }
            });
    assertThat(welcomed.await(10, TimeUnit.SECONDS)).as(id + " welcomed").isTrue();
    return socket;
  }

  private static void awaitConnectedAtMost(ServerFixture sandbox, int most) throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    for (int i = 0;
        i < 200
            && sandbox.server.admin().devices().stream().filter(d -> d.connected()).count() > most;
        i++) {
      never.await(10, TimeUnit.MILLISECONDS);
    }
  }

  /** Until every device's log is full (the channel reads frames on its own threads). */
  private static void awaitDevicesReported(ServerFixture sandbox) throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    for (int i = 0; i < 300; i++) {
      boolean full =
          sandbox.server.admin().devices().stream()
              .allMatch(d -> d.events().size() == DeviceRegistry.MAX_EVENTS && !d.name().isEmpty());
      if (full
          && sandbox.server.admin().devices().size()
              == DeviceChannel.MAX_CONNECTED + DeviceRegistry.MAX_OFFLINE) {
        return;
      }
      never.await(100, TimeUnit.MILLISECONDS);
    }
  }

  /** Heap in use after a full collection. */
  private static long retainedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
