package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * What a web page the developer visits can do to the sandbox on the real server: simple cross-site
 * requests are refused, the admin API is outside {@code --cors}, and DNS rebinding meets the Host
 * check.
 */
class BrowserSecurityTest {

  @Test
  void aSimpleCrossSitePostIsRefusedAndChangesNothing() {
    try (ServerFixture sandbox = new ServerFixture()) {
      String fault =
          "{\"rules\":[{\"route\":\"*\",\"fault\":\"STATUS\",\"value\":503,\"probability\":1}]}";
      for (String type :
          List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
        ServerFixture.Reply put = send(sandbox, "PUT", "/sandbox/faults", fault, type);
        assertThat(put.code()).as(type).isEqualTo(415);
        assertThat(put.json().path("field").asText()).isEqualTo("Content-Type");
        ServerFixture.Reply command =
            send(
                sandbox,
                "POST",
                "/sandbox/devices/phone-1/commands",
                "{\"command\":\"setFault\",\"args\":{\"fault\":\"STATUS\",\"value\":503}}",
                type);
        assertThat(command.code()).as(type).isEqualTo(415);
        assertThat(send(sandbox, "POST", "/auth/login", "{}", type).code()).isEqualTo(415);
      }
      assertThat(sandbox.server.admin().faults().rules()).isEmpty();
      // The same body as JSON is what the desktop and the docs send.
      assertThat(
              send(sandbox, "PUT", "/sandbox/faults", fault, "application/json; charset=utf-8")
                  .code())
          .isEqualTo(200);
    }
  }

  @Test
  void corsCoversTheAppRoutesNotTheAdminApiUnlessAskedFor() throws IOException {
    String origin = "http://app.example";
    try (ServerFixture sandbox =
        new ServerFixture(SandboxServer.builder().corsOrigins(List.of(origin)))) {
      assertThat(preflight(sandbox, "/api/agora/token", origin)).isEqualTo(origin);
      assertThat(preflight(sandbox, "/sandbox/faults", origin)).isNull();
      assertThat(preflight(sandbox, "/sandbox/devices/phone-1/commands", origin)).isNull();
    }
    try (ServerFixture sandbox =
        new ServerFixture(SandboxServer.builder().corsOrigins(List.of(origin)).corsAdmin(true))) {
      assertThat(preflight(sandbox, "/sandbox/faults", origin)).isEqualTo(origin);
    }
  }

  @Test
  void aRequestForAnotherHostNameIsMisdirected() throws IOException {
    try (ServerFixture sandbox =
        new ServerFixture(SandboxServer.builder().allowedHosts(List.of("sandbox.test")))) {
      int port = sandbox.server.port();
      String rebound = get(port, "/sandbox/journal", "attacker.example:" + port);
      assertThat(RawHttp.status(rebound)).isEqualTo(421);
      assertThat(RawHttp.body(rebound))
          .contains("\"error\":\"misdirected_request\"", "\"field\":\"Host\"");
      assertThat(RawHttp.status(get(port, "/api/agora/token?channelName=a", "evil.test")))
          .isEqualTo(421);
      for (String host :
          List.of(
              "localhost:" + port,
              "127.0.0.1:" + port,
              "[::1]:" + port,
              "LOCALHOST",
              "sandbox.test",
              "10.0.2.2:8080")) {
        assertThat(RawHttp.status(get(port, "/sandbox/journal", host))).as(host).isEqualTo(200);
      }
    }
  }

  @Test
  void aLanPeerWithoutTheCodeIsRefusedAndAGuesserIsThrottled() throws IOException {
    String lanAddress = lanAddressOrSkip();
    try (ServerFixture lan = new ServerFixture(SandboxServer.builder().lan(true))) {
      int port = lan.server.port();
      String host = lanAddress + ":" + port;
      String none = lanGet(lanAddress, port, "/sandbox/journal", host, null);
      assertThat(RawHttp.status(none)).isEqualTo(401);
      assertThat(RawHttp.body(none)).contains("pairing_required");
      String code = lan.server.pairingCode().orElseThrow();
      String wrong = code.equals("000000") ? "000001" : "000000";
      int refused = 0;
      int throttled = 0;
      for (int i = 0; i < 10; i++) {
        String answer = lanGet(lanAddress, port, "/sandbox/journal", host, wrong);
        refused += RawHttp.status(answer) == 401 ? 1 : 0;
        if (RawHttp.status(answer) == 429) {
          throttled++;
          assertThat(answer).containsPattern("(?i)Retry-After: \\d+");
        }
      }
      assertThat(refused).isEqualTo(Pairing.MAX_FAILURES_PER_PEER);
      assertThat(throttled).isEqualTo(10 - Pairing.MAX_FAILURES_PER_PEER);
      // This machine itself is never asked for the code.
      assertThat(lan.get("/sandbox/journal").code()).isEqualTo(200);
    }
  }

  @Test
  void aLockedCodeStillLetsTheQrSecretAndAlreadyPairedPhonesIn() throws Exception {
    String lanAddress = lanAddressOrSkip();
    try (ServerFixture lan = new ServerFixture(SandboxServer.builder().lan(true))) {
      int port = lan.server.port();
      String host = lanAddress + ":" + port;
      Pairing pairing = lan.server.pairing().orElseThrow();
      String code = pairing.code();
      String wrong = code.equals("000000") ? "000001" : "000000";
      // Guessers on a thousand addresses spend the network's budget.
      for (int i = 0; i < Pairing.GLOBAL_BUDGET; i++) {
        pairing.accepts("10.66." + i + ".1", wrong);
      }

      String typed = lanGet(lanAddress, port, "/sandbox/journal", host, code);
      assertThat(RawHttp.status(typed)).isEqualTo(429);
      assertThat(typed).containsPattern("(?i)Retry-After: \\d+");
      assertThat(RawHttp.body(typed)).contains("locked").contains("QR code");
      String scanned = lanGet(lanAddress, port, "/sandbox/journal", host, pairing.secret());
      assertThat(RawHttp.status(scanned)).isEqualTo(200);
      // The secret never reaches the journal, even in a query string.
      String query =
          lanGet(lanAddress, port, "/sandbox/health?pairingCode=" + pairing.secret(), host, null);
      assertThat(RawHttp.status(query)).isEqualTo(200);
      assertThat(lan.get("/sandbox/journal?limit=10").body()).doesNotContain(pairing.secret());

      // The device channel takes the credential from the query too, as HTTP routes do.
      okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
      java.util.concurrent.BlockingQueue<Object> outcome =
          new java.util.concurrent.LinkedBlockingQueue<>();
      client.newWebSocket(
          new Request.Builder()
              .url(
                  "ws://"
                      + host
                      + "/sandbox/devices/ws?device=lan-phone&pairingCode="
                      + pairing.secret())
              .build(),
          new okhttp3.WebSocketListener() {
            @Override
            public void onMessage(okhttp3.WebSocket socket, String text) {
              outcome.add(text);
              socket.close(1000, null);
            }

            @Override
            public void onClosing(okhttp3.WebSocket socket, int closeCode, String reason) {
              outcome.add(closeCode);
            }

            @Override
            public void onFailure(okhttp3.WebSocket socket, Throwable t, Response response) {
              outcome.add(t);
            }
          });
      assertThat(outcome.poll(10, java.util.concurrent.TimeUnit.SECONDS))
          .asString()
          .contains("welcome");
      client.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void onePeerOnTheLanCannotTakeEveryConnection() throws Exception {
    String lanAddress = lanAddressOrSkip();
    try (ServerFixture lan = new ServerFixture(SandboxServer.builder().lan(true))) {
      List<java.net.Socket> held = new java.util.ArrayList<>();
      try {
        for (int i = 0;
            i < dev.tokensandbox.backend.internal.http.ConnectionCap.MAX_PER_PEER;
            i++) {
          held.add(new java.net.Socket(lanAddress, lan.server.port()));
        }
        // A connect returns once the kernel has queued it: wait until the server holds them all.
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0;
            i < 500
                && lan.server.connections().open()
                    < dev.tokensandbox.backend.internal.http.ConnectionCap.MAX_PER_PEER;
            i++) {
          never.await(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertThat(lan.server.connections().open())
            .isEqualTo(dev.tokensandbox.backend.internal.http.ConnectionCap.MAX_PER_PEER);
        String refused =
            lanGet(
                lanAddress, lan.server.port(), "/ping", lanAddress + ":" + lan.server.port(), null);
        assertThat(RawHttp.status(refused)).isEqualTo(503);
        assertThat(RawHttp.body(refused)).contains("too_many_connections");
        // This machine is still served.
        assertThat(lan.get("/ping").code()).isEqualTo(200);
      } finally {
        for (java.net.Socket s : held) {
          s.close();
        }
      }
    }
  }

  /** This machine's LAN address, or the test is skipped saying why. */
  private static String lanAddressOrSkip() throws java.net.SocketException {
    String address = nonLoopbackAddress();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        address != null, "this machine has no LAN address to connect from");
    return address;
  }

  /** Any IPv4 address of this machine that is not loopback (a LAN peer's view of it). */
  private static String nonLoopbackAddress() throws java.net.SocketException {
    for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (var address : java.util.Collections.list(nic.getInetAddresses())) {
        if (address instanceof java.net.Inet4Address) {
          return address.getHostAddress();
        }
      }
    }
    return null;
  }

  /** A GET over the LAN address, so the server sees a peer that is not this machine's loopback. */
  private static String lanGet(String address, int port, String path, String host, String code)
      throws IOException {
    try (java.net.Socket s = new java.net.Socket(address, port)) {
      s.setSoTimeout(10_000);
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nConnection: close\r\n"
              + (code == null ? "" : "X-Pairing-Code: " + code + "\r\n")
              + "\r\n";
      s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return RawHttp.readAll(s);
    }
  }

  private static String get(int port, String path, String host) throws IOException {
    return RawHttp.exchange(
        port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  private static String preflight(ServerFixture sandbox, String path, String origin)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(sandbox.server.url() + path)
            .method("OPTIONS", null)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "content-type")
            .build();
    try (Response r = sandbox.http.newCall(request).execute()) {
      return r.header("Access-Control-Allow-Origin");
    }
  }

  private static ServerFixture.Reply send(
      ServerFixture sandbox, String method, String path, String body, String type) {
    Request request =
        new Request.Builder()
            .url(sandbox.server.url() + path)
            .method(method, RequestBody.create(body, MediaType.get(type)))
            .build();
    try (Response r = sandbox.http.newCall(request).execute()) {
      return new ServerFixture.Reply(
          r.code(), r.header("Content-Type"), r.body().string(), r.headers().toMultimap());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aPageOfAnotherSiteCannotChangeTheSandboxButItsOwnOriginAndApps() {
    try (ServerFixture sandbox = new ServerFixture()) {
      pageOfAnotherSite(sandbox);
    }
  }

  private static void pageOfAnotherSite(ServerFixture sandbox) {
    ServerFixture.Reply foreign =
        sandbox.put(
            "/sandbox/faults",
            "{\"rules\":[{\"route\":\"*\",\"fault\":\"STATUS\",\"value\":503}]}",
            "Origin",
            "http://evil.example");
    ServerFixture.Reply textPlain =
        sandbox.call(
            new okhttp3.Request.Builder()
                .url(sandbox.server.url() + "/ringnity/runtime-token")
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("text/plain")))
                .header("Origin", "http://evil.example"));
    ServerFixture.Reply own =
        sandbox.put("/sandbox/faults", "{\"rules\":[]}", "Origin", sandbox.server.url());
    ServerFixture.Reply app = sandbox.put("/sandbox/faults", "{\"rules\":[]}");

    assertThat(foreign.code()).isEqualTo(403);
    assertThat(foreign.json().path("error").asText()).isEqualTo("forbidden_origin");
    assertThat(foreign.json().path("field").asText()).isEqualTo("Origin");
    assertThat(sandbox.server.admin().faults().rules()).as("nothing changed").isEmpty();
    assertThat(textPlain.code()).isEqualTo(403);
    assertThat(own.code()).isEqualTo(200);
    assertThat(app.code()).isEqualTo(200);
  }
}
