package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.protocol.admin.SandboxAdmin;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every route with random and malformed parameters, headers and bodies (seeded): the answer is
 * always 2xx or 4xx, a 4xx is JSON naming an error, and nothing looks like a stack trace. {@code
 * fuzz.http.requests} requests per run (1,500 per build, 20,000 with {@code -Plong}).
 */
class HttpFuzzTest {
  private static final String[] NASTY = {
    "",
    " ",
    "-1",
    "0",
    "1",
    "12345",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "1e9",
    "NaN",
    "null",
    "true",
    "abc",
    "publisher",
    "subscriber",
    "%00",
    "%ZZ",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "渠道-频道",
    "a".repeat(300),
    "${jndi:ldap://x}",
    "'; DROP TABLE",
    "0x7fffffff",
    "-0",
    "86400",
    "86401",
    "\\u0000",
    "tok:1a2b3c4d",
    "007eJxBAD",
    "eyJhbGciOi.x.y"
  };
  private static final String[] QUERY_NAMES = {
    "channelName",
    "uid",
    "userAccount",
    "role",
    "expireSeconds",
    "privilegeExpireSeconds",
    "joinChannelExpire",
    "pubAudioExpire",
    "userId",
    "expiry",
    "limit",
    "token",
    "pairingCode"
  };
  private static final String[] JSON_FIELDS = {
    "username",
    "password",
    "userId",
    "name",
    "email",
    "token",
    "channelName",
    "uid",
    "userAccount",
    "role",
    "rules",
    "seed",
    "route",
    "fault",
    "value",
    "probability",
    "speed",
    "offsetSeconds",
    "reset",
    "demoMode",
    "ginLegacyTokens",
    "command",
    "args",
    "trigger"
  };
  private static final String[][] ROUTES = {
    {"GET", "/api/agora/token"},
    {"GET", "/api/agora/rtm-token"},
    {"GET", "/api/agora/chat-token"},
    {"GET", "/api/agora/chat-app-token"},
    {"GET", "/rtc/{s}/{s}/{s}/{s}/"},
    {"GET", "/rtm/{s}/"},
    {"GET", "/rte/{s}/{s}/{s}/{s}/"},
    {"GET", "/ping"},
    {"POST", "/auth/login"},
    {"POST", "/ringnity/runtime-token"},
    {"POST", "/api/server/visitor-context-token"},
    {"POST", "/tokens"},
    {"POST", "/api/auth/chat-token"},
    {"GET", "/api/users/me"},
    {"POST", "/provider/rtc/join"},
    {"POST", "/provider/rtc/renew"},
    {"GET", "/sandbox/health"},
    {"GET", "/sandbox/workspace"},
    {"GET", "/sandbox/settings"},
    {"PUT", "/sandbox/settings"},
    {"GET", "/sandbox/faults"},
    {"PUT", "/sandbox/faults"},
    {"DELETE", "/sandbox/faults"},
    {"GET", "/sandbox/journal"},
    {"GET", "/sandbox/clock"},
    {"PUT", "/sandbox/clock"},
    {"GET", "/sandbox/tokens"},
    {"GET", "/sandbox/devices"},
    {"POST", "/sandbox/devices/{s}/commands"},
    {"GET", "/no/such/route/{s}"},
  };

  private final ServerFixture sandbox = new ServerFixture();
  private final Random random = new Random(20261201);

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void randomRequestsGetOnly2xxOr4xxAndNeverAStackTrace() {
    int requests = Integer.getInteger("fuzz.http.requests", 1500);
    List<String> failures = new ArrayList<>();
    int[] byClass = new int[6];
    for (int i = 0; i < requests; i++) {
      String[] route = ROUTES[i % ROUTES.length];
      Request request = request(route[0], path(route[1]));
      ServerFixture.Reply reply = sandbox.call(request.newBuilder());
      byClass[reply.code() / 100]++;
      boolean injected = reply.body().contains("injected_fault");
      if ((reply.code() >= 500 && !injected)
          || reply.body().contains("Exception")
          || reply.body().contains("\tat ")
          || (reply.code() >= 400 && reply.code() != 413 && !reply.body().contains("\"error\""))) {
        failures.add(
            request.method()
                + " "
                + request.url().encodedPath()
                + " → "
                + reply.code()
                + " "
                + reply.body());
      }
      // Random writes may switch faults on or move the clock: put the sandbox back each time.
      sandbox.server.admin().clearFaults();
      sandbox.server.admin().setClock(new SandboxAdmin.ClockChange(true, null, null));
      sandbox.server.admin().updateSettings(SettingsChange.demoMode(true));
    }
    assertThat(failures).as("5xx or stack traces").isEmpty();
    assertThat(byClass[4])
        .as("most random input is refused with a 4xx")
        .isGreaterThan(requests / 3);
    assertThat(byClass[2]).as("and some of it is valid").isPositive();
  }

  @Test
  void oversizeBodiesAreRefusedBeforeTheyAreRead() {
    String huge = "{\"userId\":\"" + "x".repeat(200_000) + "\"}";
    for (String path : List.of("/auth/login", "/ringnity/runtime-token", "/provider/rtc/join")) {
      assertThat(sandbox.post(path, huge).code()).as(path).isEqualTo(413);
    }
    // The size is checked before any route runs, so even a route that checks its key first never
    // sees the body.
    assertThat(sandbox.post("/tokens", huge).code()).isEqualTo(413);
    assertThat(
            sandbox
                .post("/tokens", huge, "X-API-Key", ServerFixture.WORKSPACE.chatsdkApiKey())
                .code())
        .isEqualTo(413);
  }

  private String path(String template) {
    StringBuilder out = new StringBuilder();
    String[] parts = template.split("\\{s}", -1);
    for (int p = 0; p < parts.length; p++) {
      out.append(parts[p]);
      if (p < parts.length - 1) {
        out.append(encode(pick(NASTY)).replace("%2F", "-"));
      }
    }
    if (random.nextInt(3) > 0) {
      int n = 1 + random.nextInt(4);
      for (int q = 0; q < n; q++) {
        out.append(q == 0 ? '?' : '&')
            .append(pick(QUERY_NAMES))
            .append('=')
            .append(encode(pick(NASTY)));
      }
    }
    return out.toString();
  }

  private Request request(String method, String path) {
    Request.Builder b = new Request.Builder().url(sandbox.server.url() + path);
    if (random.nextBoolean()) {
      b.header(
          "Authorization",
          ascii(pick(new String[] {"Bearer " + pick(NASTY), pick(NASTY), "Basic x"})));
    }
    if (random.nextInt(4) == 0) {
      b.header("X-API-Key", ascii(pick(NASTY)));
    }
    if (random.nextInt(6) == 0) {
      b.header("X-Sandbox-Device", ascii(pick(NASTY)));
    }
    if (method.equals("GET")) {
      return b.get().build();
    }
    if (method.equals("DELETE")) {
      return b.delete().build();
    }
    String type = random.nextInt(5) == 0 ? "text/plain" : "application/json";
    return b.method(method, RequestBody.create(body(), MediaType.get(type))).build();
  }

  private String body() {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[1,2,3]";
      case 3 -> "\"" + pick(NASTY) + "\"";
      default -> object(0);
    };
  }

  private String object(int depth) {
    StringBuilder out = new StringBuilder("{");
    int n = random.nextInt(5);
    for (int f = 0; f < n; f++) {
      if (f > 0) {
        out.append(',');
      }
      out.append('"').append(pick(JSON_FIELDS)).append("\":").append(value(depth));
    }
    return out.append('}').toString();
  }

  private String value(int depth) {
    return switch (random.nextInt(depth > 1 ? 5 : 7)) {
      case 0 -> "\"" + pick(NASTY).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case 1 -> Long.toString(random.nextLong() % 100_000);
      case 2 -> random.nextBoolean() ? "true" : "null";
      case 3 -> Double.toString(random.nextDouble() * 2);
      case 4 -> "\"STATUS\"";
      case 5 -> object(depth + 1);
      default -> "[" + object(depth + 1) + "]";
    };
  }

  /** HTTP header values must be visible ASCII: anything else becomes '?'. */
  private static String ascii(String s) {
    return s.replaceAll("[^ -~]", "?");
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
