package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issues tokens through every flow with known secrets and asserts that no secret, session bearer or
 * full token appears in the log lines, the journal or any sandbox API answer.
 */
class RedactionTest {
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void noSecretOrTokenLeaksIntoLogsJournalOrSandboxApi() {
    List<String> issued = new ArrayList<>();
    String session = sandbox.login("alice", "alice-demo");
    issued.add(
        sandbox
            .get("/api/agora/token?channelName=test&uid=12345", "Authorization", session)
            .body());
    issued.add(sandbox.get("/api/agora/rtm-token?userId=alice").body());
    issued.add(sandbox.get("/rte/testing/publisher/uid/1234/").json().path("rtcToken").asText());
    issued.add(sandbox.post("/ringnity/runtime-token", "{}").json().path("token").asText());
    var chat = sandbox.post("/api/auth/chat-token", "", "Authorization", session).json();
    issued.add(chat.path("token").asText());
    issued.add(chat.path("wsToken").asText());
    sandbox.get("/api/users/me", "Authorization", "Bearer " + chat.path("token").asText());
    sandbox.post(
        "/provider/rtc/join",
        "{\"token\":\"" + issued.get(0) + "\",\"channelName\":\"test\",\"uid\":12345}");

    List<String> secrets = new ArrayList<>(ServerFixture.WORKSPACE.secrets());
    secrets.add(session.substring("Bearer ".length()));
    secrets.add("alice-demo");
    secrets.addAll(issued);

    String journal = sandbox.get("/sandbox/journal?limit=1000").body();
    List<String> surfaces = new ArrayList<>(sandbox.log);
    surfaces.add(journal);
    for (String path :
        List.of(
            "/sandbox/health",
            "/sandbox/workspace",
            "/sandbox/settings",
            "/sandbox/faults",
            "/sandbox/clock",
            "/sandbox/tokens")) {
      surfaces.add(sandbox.get(path).body());
    }

    assertThat(issued).allMatch(token -> token.length() > 40);
    for (String surface : surfaces) {
      for (String secret : secrets) {
        assertThat(surface).as("a secret or token leaked").doesNotContain(secret);
      }
    }
    assertThat(journal).contains("«token tok:", "«redacted»");
    assertThat(sandbox.get("/sandbox/tokens").json().path("tokens").size())
        .isGreaterThanOrEqualTo(issued.size());
  }

  @Test
  void errorsEchoNoPieceOfASecretSentAsTheContentTypeOrTheMethod() throws java.io.IOException {
    String session = sandbox.login("alice", "alice-demo");
    String wsToken =
        sandbox
            .post("/api/auth/chat-token", "", "Authorization", session)
            .json()
            .path("wsToken")
            .asText();
    // Past the JWT's fixed header: a piece only this token has.
    String piece = wsToken.substring(20, 32);

    String unsupported =
        RawHttp.exchange(
            sandbox.server.port(),
            "PUT /sandbox/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/"
                + wsToken
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    String notAMethod =
        RawHttp.exchange(
            sandbox.server.port(),
            wsToken + " /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertThat(RawHttp.status(unsupported)).isEqualTo(415);
    assertThat(RawHttp.body(unsupported))
        .contains("must be application/json")
        .contains("not shown")
        .doesNotContain(piece);
    assertThat(RawHttp.status(notAMethod)).isEqualTo(501);
    assertThat(RawHttp.body(notAMethod)).contains("not shown").doesNotContain(piece);
    assertThat(sandbox.get("/sandbox/journal?limit=1000").body()).doesNotContain(piece);
    // A plain media type or method is still named: that is what the client needs to see.
    String plain =
        RawHttp.exchange(
            sandbox.server.port(),
            "PUT /sandbox/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain;"
                + " charset=utf-8\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    assertThat(RawHttp.body(plain)).contains("not text/plain");
    String brew =
        RawHttp.exchange(
            sandbox.server.port(),
            "BREW /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(RawHttp.body(brew)).contains("method BREW is not an HTTP method");
  }

  @Test
  void aWebSocketTokenWithPercentEncodedDotsIsRedactedInTheJournal() throws Exception {
    String session = sandbox.login("alice", "alice-demo");
    String wsToken =
        sandbox
            .post("/api/auth/chat-token", "", "Authorization", session)
            .json()
            .path("wsToken")
            .asText();
    String hidden = wsToken.replace(".", "%2E");
    java.util.concurrent.BlockingQueue<dev.tokensandbox.protocol.admin.JournalEntry> entries =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Runnable unsubscribe = sandbox.server.admin().subscribeJournal(entries::add, gap -> {});
    okhttp3.WebSocket socket =
        sandbox.http.newWebSocket(
            new okhttp3.Request.Builder()
                .url(sandbox.server.url().replace("http", "ws") + "/ws?token=" + hidden)
                .build(),
            new okhttp3.WebSocketListener() {});
    try {
      dev.tokensandbox.protocol.admin.JournalEntry connect = null;
      while (connect == null) {
        var entry = entries.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(entry).as("the WebSocket's journal entry").isNotNull();
        connect = entry.method().equals("WS") ? entry : null;
      }
      assertThat(connect.path()).startsWith("/ws?token=«token ").doesNotContain(hidden);
      assertThat(connect.path().length()).isLessThan(40);
    } finally {
      socket.close(1000, null);
      unsubscribe.run();
    }
  }

  @Test
  void requestBodiesAreJournaledRedactedAndRevealedRaw() {
    sandbox.post("/auth/login", "{\"username\":\"alice\",\"password\":\"alice-demo\"}");
    var login = sandbox.server.admin().journal(1).entries().get(0);
    sandbox.get("/ping");
    var ping = sandbox.server.admin().journal(1).entries().get(0);

    assertThat(login.requestBody())
        .isEqualTo("{\"username\":\"alice\",\"password\":\"«redacted»\"}");
    assertThat(sandbox.server.admin().reveal(login.id()).orElseThrow().requestBody())
        .contains("alice-demo");
    assertThat(ping.requestBody()).isEmpty();
  }

  @Test
  void revealGivesTheUnredactedExchangeOnlyInProcess() {
    String session = sandbox.login("alice", "alice-demo");
    String token =
        sandbox.get("/api/agora/token?channelName=test&uid=7", "Authorization", session).body();
    var entry = sandbox.server.admin().journal(1).entries().get(0);

    assertThat(entry.responseBody()).doesNotContain(token);
    var raw = sandbox.server.admin().reveal(entry.id()).orElseThrow();
    assertThat(raw.responseBody()).isEqualTo(token);
    assertThat(raw.requestHeaders().get("Authorization")).isEqualTo(session);
    assertThat(raw.toString()).doesNotContain(token);
    assertThat(sandbox.server.admin().reveal(entry.id() + 1000)).isEmpty();
  }

  @Test
  void kilobytesOfSecretValueAnywhereAreRedactedNeverA500() {
    String value = "s3cr3t-" + "x".repeat(5000);
    String member = "{\"apiKey\":\"" + value + "\"}";
    List<ServerFixture.Reply> replies =
        List.of(
            sandbox.post("/auth/login", "{\"username\":\"alice\",\"password\":\"" + value + "\"}"),
            sandbox.get(
                "/ping?q="
                    + java.net.URLEncoder.encode(
                        "{\"secret\":\"" + value + "\"}", java.nio.charset.StandardCharsets.UTF_8)),
            sandbox.get("/ping", "User-Agent", member));
    for (ServerFixture.Reply reply : replies) {
      assertThat(reply.code()).as(reply.body()).isLessThan(500);
      assertThat(reply.body()).doesNotContain(value);
    }
    String journal = sandbox.get("/sandbox/journal?limit=10").body();
    assertThat(journal).doesNotContain("s3cr3t-").contains("«redacted»");
    assertThat(String.join("\n", sandbox.log)).doesNotContain("s3cr3t-");
  }

  /**
   * Each workspace secret and a live token, placed at random in every part of random requests —
   * path, query, headers, device name, JSON (also with escaped member names), form bodies — and
   * then every output is scanned: none may hold them.
   */
  @Test
  void secretsPlacedAnywhereInRandomRequestsNeverComeOut() {
    java.util.Random random = new java.util.Random(20261203);
    String token = sandbox.get("/api/agora/token?channelName=live&uid=9").body();
    List<String> secrets = new ArrayList<>(ServerFixture.WORKSPACE.secrets());
    secrets.add(token);
    List<String> streamed = new java.util.concurrent.CopyOnWriteArrayList<>();
    Runnable unsubscribe =
        sandbox
            .server
            .admin()
            .subscribeJournal(entry -> streamed.add(entry.toString()), skipped -> {});
    for (int i = 0; i < 300; i++) {
      String secret = secrets.get(random.nextInt(secrets.size()));
      String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
      String noise = "n" + random.nextInt(1000);
      switch (random.nextInt(9)) {
        case 0 -> sandbox.get("/rtc/" + encoded + "/publisher/userAccount/" + noise + "/");
        case 1 -> sandbox.get("/api/agora/rtm-token?userId=" + encoded + "&x=" + noise);
        case 2 -> sandbox.get("/ping", "User-Agent", noise + " " + secret);
        case 3 -> sandbox.get("/api/agora/token?channelName=c&uid=1", "X-Sandbox-Device", secret);
        case 4 ->
            sandbox.post(
                "/ringnity/runtime-token",
                "{\"userId\":\"" + secret + "\",\"name\":\"" + noise + "\"}");
        case 5 ->
            sandbox.post(
                "/auth/login", "{\"username\":\"alice\",\"pass\\u0077ord\":\"" + secret + "\"}");
        case 6 ->
            sandbox.call(
                new okhttp3.Request.Builder()
                    .url(sandbox.server.url() + "/auth/login")
                    .post(
                        okhttp3.RequestBody.create(
                            "username=alice&password=" + encoded,
                            okhttp3.MediaType.get("application/x-www-form-urlencoded"))));
        case 7 ->
            sandbox.post(
                "/provider/rtc/join",
                "{\"token\":\"" + token + "\",\"channelName\":\"" + secret + "\",\"uid\":1}");
        default -> {
          sandbox.server.deviceRegistry().connected("phone-" + i, secret, noise, json -> {});
          sandbox.server.deviceRegistry().event("phone-" + i, "saw " + secret);
          sandbox.server.deviceRegistry().state("phone-" + i, secret, secret, token, null, secret);
        }
      }
    }
    List<String> outputs = new ArrayList<>(sandbox.log);
    for (String path :
        List.of(
            "/sandbox/journal?limit=1000",
            "/sandbox/tokens",
            "/sandbox/devices",
            "/sandbox/health",
            "/sandbox/settings",
            "/sandbox/workspace",
            "/sandbox/faults")) {
      outputs.add(sandbox.get(path).body());
    }
    unsubscribe.run();
    outputs.addAll(streamed);
    assertThat(streamed).isNotEmpty();
    for (String output : outputs) {
      for (String secret : secrets) {
        assertThat(output).as("a secret or token leaked").doesNotContain(secret);
      }
    }
  }
}
