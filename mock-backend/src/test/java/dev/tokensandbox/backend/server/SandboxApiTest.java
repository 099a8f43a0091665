package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.admin.SandboxApi;
import dev.tokensandbox.backend.internal.http.PairingCheck;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxApiTest {
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void healthNamesTheUrlsAndWorkspaceShowsSecretsOnlyMasked() {
    JsonNode health = sandbox.get("/sandbox/health").json();
    assertThat(health.path("status").asText()).isEqualTo("ok");
    assertThat(health.path("url").asText()).isEqualTo(sandbox.server.url());
    assertThat(health.path("providerBaseUrl").asText()).isEqualTo(sandbox.server.url());

    JsonNode workspace = sandbox.get("/sandbox/workspace").json();
    assertThat(workspace.path("appId").asText()).isEqualTo(ServerFixture.WORKSPACE.appId());
    assertThat(workspace.path("appCertificate").asText()).isEqualTo("…5d3b (redacted)");
  }

  @Test
  void journalRecordsEachHopWithTimingStatusAndTokenId() {
    sandbox.post("/ringnity/runtime-token", "{}");

    JsonNode entries = sandbox.get("/sandbox/journal").json().path("entries");

    assertThat(entries).hasSize(2);
    JsonNode provider = entries.get(0);
    JsonNode customer = entries.get(1);
    assertThat(provider.path("hop").asText()).isEqualTo("customer→provider");
    assertThat(provider.path("requestHeaders").path("Authorization").asText())
        .isEqualTo("Bearer «redacted»");
    assertThat(customer.path("hop").asText()).isEqualTo("app→customer");
    assertThat(customer.path("status").asInt()).isEqualTo(200);
    assertThat(customer.path("durationMillis").asDouble()).isGreaterThan(0);
    String id = customer.path("tokenIds").get(0).asText();
    assertThat(provider.path("tokenIds").get(0).asText()).isEqualTo(id);
    assertThat(sandbox.get("/sandbox/tokens").json().path("tokens").get(0).path("id").asText())
        .isEqualTo(id);
  }

  @Test
  void anyOfficialKindIsBuiltAndAFixedIssueTimeAndSaltReproduceIt() {
    String order =
        "{\"kind\":\"rtc-rtm\",\"channelName\":\"room\",\"userAccount\":\"alice\","
            + "\"issuedAt\":\"2025-11-24T16:00:00Z\",\"salt\":7}";
    JsonNode first = sandbox.post("/sandbox/tokens", order).json();
    JsonNode second = sandbox.post("/sandbox/tokens", order).json();

    assertThat(first.path("token").asText())
        .startsWith("007")
        .isEqualTo(second.path("token").asText());
    assertThat(first.path("issuedAt").asLong()).isEqualTo(1_764_000_000L);
    assertThat(first.path("salt").asLong()).isEqualTo(7);
    dev.tokensandbox.backend.tokens.AccessToken2Info token =
        (dev.tokensandbox.backend.tokens.AccessToken2Info)
            dev.tokensandbox.backend.tokens.TokenDecoder.decode(first.path("token").asText());
    assertThat(token.services()).extracting(s -> s.name()).containsExactly("rtc", "rtm");
    assertThat(sandbox.get("/sandbox/tokens").json().path("tokens").get(0).path("kind").asText())
        .isEqualTo("rtc-rtm");
    JsonNode fpa = sandbox.post("/sandbox/tokens", "{\"kind\":\"fpa\"}").json();
    assertThat(fpa.path("expiresAt").asLong() - fpa.path("issuedAt").asLong()).isEqualTo(86_400);
  }

  @Test
  void aBadTokenOrderIsA400NamingTheField() {
    ServerFixture.Reply kind = sandbox.post("/sandbox/tokens", "{\"kind\":\"rtc2\"}");
    ServerFixture.Reply salt =
        sandbox.post("/sandbox/tokens", "{\"kind\":\"rtm\",\"userId\":\"a\",\"salt\":0}");
    ServerFixture.Reply room = sandbox.post("/sandbox/tokens", "{\"kind\":\"apaas-room\"}");
    ServerFixture.Reply when =
        sandbox.post("/sandbox/tokens", "{\"kind\":\"fpa\",\"issuedAt\":\"tomorrow\"}");

    assertThat(kind.code()).isEqualTo(400);
    assertThat(kind.json().path("field").asText()).isEqualTo("kind");
    assertThat(salt.json().path("field").asText()).isEqualTo("salt");
    assertThat(room.code()).isEqualTo(400);
    assertThat(room.json().path("field").asText()).isEqualTo("roomUuid");
    assertThat(when.json().path("field").asText()).isEqualTo("issuedAt");
  }

  @Test
  void journalStreamsEntriesLive() throws IOException {
    try (Response stream = openJournalStream()) {
      BufferedSource source = stream.body().source();
      assertThat(source.readUtf8Line()).isEqualTo("event: connected");
      sandbox.get("/ping");
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = source.readUtf8Line()) != null && !line.contains("gin.ping")) {
        seen.append(line).append('\n');
      }
      assertThat(seen.toString()).contains("event: journal");
      assertThat(line).startsWith("data:").contains("\"route\":\"gin.ping\"", "\"status\":200");
    }
  }

  @Test
  void aStreamAskedForWithoutTheEventStreamTypeSaysHowToAsk() throws IOException {
    for (String path : new String[] {"/sandbox/journal/stream", "/sandbox/devices/stream"}) {
      String answer =
          RawHttp.exchange(
              sandbox.server.port(),
              "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      // A list with the type in it is not enough: Javalin streams for exactly this Accept only.
      String listed =
          RawHttp.exchange(
              sandbox.server.port(),
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream, */*\r\n"
                  + "Connection: close\r\n\r\n");
      assertThat(RawHttp.status(listed)).as(path + " with a list").isEqualTo(406);
      assertThat(RawHttp.status(answer)).as(path).isEqualTo(406);
      assertThat(RawHttp.body(answer))
          .contains("\"field\":\"Accept\"", "Accept: text/event-stream");
    }
    // Refused before it is counted: before, each such GET took one of the 8 stream slots for
    // good (Javalin answered an empty 200 and no stream ever closed), so 8 of them shut the
    // journal stream for everyone.
    for (int i = 0; i < SandboxApi.MAX_STREAMS + 2; i++) {
      RawHttp.exchange(
          sandbox.server.port(),
          "GET /sandbox/journal/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + (i % 2 == 0 ? "" : "Accept: text/event-stream; q=1\r\n")
              + "Connection: close\r\n\r\n");
    }
    try (Response stream = openJournalStream()) {
      assertThat(stream.code()).isEqualTo(200);
      assertThat(stream.body().source().readUtf8Line()).isEqualTo("event: connected");
    }
  }

  @Test
  void clockCanBeSkewedPausedAndReset() {
    JsonNode skewed = sandbox.put("/sandbox/clock", "{\"offsetSeconds\":3600,\"speed\":60}").json();
    assertThat(skewed.path("now").asText()).isEqualTo("2026-11-24T13:00:00Z");
    assertThat(skewed.path("speed").asDouble()).isEqualTo(60);

    String token = sandbox.get("/api/agora/token?channelName=t").body();
    assertThat(
            ((dev.tokensandbox.backend.tokens.AccessToken2Info)
                    dev.tokensandbox.backend.tokens.TokenDecoder.decode(token))
                .issuedAt())
        .isEqualTo(ServerFixture.START.plusSeconds(3600));

    assertThat(
            sandbox.put("/sandbox/clock", "{\"reset\":true}").json().path("offsetSeconds").asLong())
        .isZero();

    // The one speed limit of virtual time, the client's pacer's too.
    assertThat(sandbox.put("/sandbox/clock", "{\"speed\":100000}").code()).isEqualTo(200);
    ServerFixture.Reply tooFast = sandbox.put("/sandbox/clock", "{\"speed\":100001}");
    assertThat(tooFast.code()).isEqualTo(400);
    assertThat(tooFast.json().path("message").asText()).isEqualTo("must be a number in 0..100000");
    sandbox.put("/sandbox/clock", "{\"reset\":true,\"speed\":1}");
  }

  @Test
  void corsIsOffByDefaultAndAllowsConfiguredOrigins() {
    assertThat(
            sandbox
                .get("/ping", "Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Origin"))
        .isNull();
    try (ServerFixture cors =
        new ServerFixture(
            SandboxServer.builder().corsOrigins(java.util.List.of("http://localhost:3000")))) {
      assertThat(
              cors.get("/ping", "Origin", "http://localhost:3000")
                  .header("Access-Control-Allow-Origin"))
          .isEqualTo("http://localhost:3000");
      assertThat(
              cors.get("/ping", "Origin", "http://evil.example")
                  .header("Access-Control-Allow-Origin"))
          .isNull();
    }
  }

  @Test
  void loopbackServerNeedsNoPairingCode() {
    assertThat(sandbox.server.pairingCode()).isEmpty();
  }

  @Test
  void demoModeOffRequiresALoginOnTokenRoutes() {
    sandbox.put("/sandbox/settings", "{\"demoMode\":false}");

    ServerFixture.Reply anonymous = sandbox.get("/api/agora/token?channelName=t");
    ServerFixture.Reply loggedIn =
        sandbox.get(
            "/api/agora/token?channelName=t",
            "Authorization",
            sandbox.login("customer", "customer-demo"));

    assertThat(anonymous.code()).isEqualTo(401);
    assertThat(anonymous.json().path("message").asText()).contains("POST /auth/login");
    assertThat(loggedIn.code()).isEqualTo(200);
  }

  @Test
  void lanModeStartsWithDemoModeOff() {
    try (ServerFixture lan = new ServerFixture(SandboxServer.builder().lan(true))) {
      assertThat(lan.server.admin().settings().demoMode()).isFalse();
      assertThat(lan.get("/sandbox/health").json().path("boundTo").asText()).isEqualTo("0.0.0.0");
      assertThat(lan.server.pairingCode())
          .hasValueSatisfying(code -> assertThat(code).matches("\\d{6}"));
      ServerFixture.Reply demo =
          lan.post("/auth/login", "{\"username\":\"alice\",\"password\":\"alice-demo\"}");
      assertThat(demo.code()).isEqualTo(403);
      assertThat(demo.json().path("error").asText()).isEqualTo("demo_users_off");
      assertThat(lan.put("/sandbox/settings", "{\"demoUsers\":true}").code()).isEqualTo(200);
      assertThat(
              lan.post("/auth/login", "{\"username\":\"alice\",\"password\":\"alice-demo\"}")
                  .code())
          .isEqualTo(200);
      assertThat(PairingCheck.isLoopback("127.0.0.1")).isTrue();
      assertThat(PairingCheck.isLoopback("192.168.1.20")).isFalse();
    }
  }

  @Test
  void customerSessionsAreCappedAndExpire() {
    try (ServerFixture small = new ServerFixture(SandboxServer.builder().maxSessions(50))) {
      String first = small.login("alice", "alice-demo");
      String last = first;
      for (int i = 0; i < 200; i++) {
        last = small.login("alice", "alice-demo");
      }
      assertThat(small.server.customerSessions()).isEqualTo(50);
      small.server.admin().updateSettings(SettingsChange.demoMode(false));
      assertThat(small.post("/api/auth/chat-token", "", "Authorization", first).code())
          .as("the oldest session was forgotten")
          .isEqualTo(401);
      assertThat(small.post("/api/auth/chat-token", "", "Authorization", last).code())
          .isEqualTo(200);

      // Eight hours on, the next login finds every session expired and drops them.
      small.time.setOffset(
          dev.tokensandbox.backend.internal.customer.CustomerAuth.SESSION_LIFETIME.plusSeconds(1));
      small.login("alice", "alice-demo");
      assertThat(small.server.customerSessions()).isEqualTo(1);
    }
  }

  @Test
  void aSessionEndsAtLogoutAndAfterHalfAnHourUnused() {
    try (ServerFixture sandbox = new ServerFixture()) {
      sandbox.server.admin().updateSettings(SettingsChange.demoMode(false));
      String session = sandbox.login("alice", "alice-demo");
      assertThat(sandbox.post("/api/auth/chat-token", "", "Authorization", session).code())
          .isEqualTo(200);
      ServerFixture.Reply out = sandbox.post("/auth/logout", "", "Authorization", session);
      assertThat(out.json().path("loggedOut").asBoolean()).isTrue();
      assertThat(sandbox.post("/api/auth/chat-token", "", "Authorization", session).code())
          .isEqualTo(401);
      assertThat(
              sandbox
                  .post("/auth/logout", "", "Authorization", session)
                  .json()
                  .path("loggedOut")
                  .asBoolean())
          .isFalse();

      String used = sandbox.login("alice", "alice-demo");
      String idle = sandbox.login("alice", "alice-demo");
      java.time.Duration step =
          dev.tokensandbox.backend.internal.customer.CustomerAuth.SESSION_IDLE
              .dividedBy(3)
              .multipliedBy(2);
      sandbox.time.setOffset(step);
      assertThat(sandbox.get("/rtc/a/publisher/uid/1/", "Authorization", used).code())
          .isEqualTo(200);
      sandbox.time.setOffset(step.multipliedBy(2));
      assertThat(sandbox.get("/rtc/a/publisher/uid/1/", "Authorization", used).code())
          .as("used 20 minutes ago: still live")
          .isEqualTo(200);
      assertThat(sandbox.get("/rtc/a/publisher/uid/1/", "Authorization", idle).code())
          .as("unused for 40 minutes: ended")
          .isEqualTo(401);
    }
  }

  /** The journal's event stream, asked for as an SSE client does. */
  private Response openJournalStream() throws IOException {
    return sandbox
        .http
        .newBuilder()
        .readTimeout(10, TimeUnit.SECONDS)
        .build()
        .newCall(
            new Request.Builder()
                .url(sandbox.server.url() + "/sandbox/journal/stream")
                .header("Accept", "text/event-stream")
                .build())
        .execute();
  }
}
