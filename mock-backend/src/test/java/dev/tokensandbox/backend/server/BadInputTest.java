package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on every route: the right 4xx, JSON naming the field, never a 500 or a stack trace. */
class BadInputTest {
  static ServerFixture sandbox;

  @BeforeAll
  static void start() {
    sandbox = new ServerFixture();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Stream<Arguments> badGets() {
    return Stream.of(
        Arguments.of("/api/agora/token", 400, "channelName"),
        Arguments.of("/api/agora/token?channelName=a/b", 400, "channelName"),
        Arguments.of("/api/agora/token?channelName=" + "x".repeat(64), 400, "channelName"),
        Arguments.of("/api/agora/token?channelName=t&uid=abc", 400, "uid"),
        Arguments.of("/api/agora/token?channelName=t&uid=-1", 400, "uid"),
        Arguments.of("/api/agora/token?channelName=t&uid=4294967296", 400, "uid"),
        Arguments.of("/api/agora/token?channelName=t&uid=99999999999999999999999", 400, "uid"),
        Arguments.of("/api/agora/token?channelName=t&role=admin", 400, "role"),
        Arguments.of("/api/agora/token?channelName=t&expireSeconds=0", 400, "expireSeconds"),
        Arguments.of("/api/agora/token?channelName=t&expireSeconds=86401", 400, "expireSeconds"),
        Arguments.of("/api/agora/token?channelName=t&expireSeconds=1h", 400, "expireSeconds"),
        Arguments.of("/api/agora/token?channelName=t&uid=1&userAccount=a", 400, "uid"),
        Arguments.of(
            "/api/agora/token?channelName=t&joinChannelExpire=0", 400, "joinChannelExpire"),
        Arguments.of("/api/agora/rtm-token", 400, "userId"),
        Arguments.of("/api/agora/chat-token?userId=", 400, "userId"),
        Arguments.of("/api/agora/chat-app-token?expireSeconds=-5", 400, "expireSeconds"),
        Arguments.of("/rtc/testing/admin/uid/1234/", 400, "role"),
        Arguments.of("/rtc/testing/publisher/number/1234/", 400, "tokentype"),
        Arguments.of("/rtc/testing/publisher/uid/abc/", 400, "uid"),
        Arguments.of("/rtc/testing/publisher/uid/1234/?expiry=0", 400, "expiry"),
        Arguments.of("/rtc/bad*chan/publisher/uid/1/", 400, "channelName"),
        Arguments.of("/api/users/me", 401, null),
        Arguments.of("/sandbox/journal?limit=0", 400, "limit"),
        Arguments.of("/no/such/route", 404, null));
  }

  @ParameterizedTest(name = "GET {0} → {1}")
  @MethodSource("badGets")
  void badGetsAreCleanJsonErrors(String path, int status, String field) {
    assertCleanError(sandbox.get(path), status, field);
  }

  static Stream<Arguments> badPosts() {
    String ringnityKey = "Bearer " + ServerFixture.WORKSPACE.ringnityApiKey();
    String chatKey = ServerFixture.WORKSPACE.chatsdkApiKey();
    return Stream.of(
        Arguments.of("/auth/login", "{", null, null, 400, "body"),
        Arguments.of("/auth/login", "[1,2]", null, null, 400, "body"),
        Arguments.of("/auth/login", "{\"username\":\"alice\"}", null, null, 400, "password"),
        Arguments.of(
            "/auth/login", "{\"username\":\"alice\",\"password\":\"nope\"}", null, null, 401, null),
        Arguments.of(
            "/auth/login",
            "{\"username\":{\"a\":1},\"password\":\"x\"}",
            null,
            null,
            400,
            "username"),
        Arguments.of("/ringnity/runtime-token", "{\"userId\":[1]}", null, null, 400, "userId"),
        Arguments.of(
            "/ringnity/runtime-token",
            "{\"name\":\"" + "n".repeat(300) + "\"}",
            null,
            null,
            400,
            "name"),
        Arguments.of(
            "/api/server/visitor-context-token",
            "{}",
            "Authorization",
            ringnityKey,
            400,
            "visitor"),
        Arguments.of(
            "/api/server/visitor-context-token",
            "{\"visitor\":{}}",
            "Authorization",
            ringnityKey,
            400,
            "visitor.externalId"),
        Arguments.of(
            "/api/server/visitor-context-token",
            "{\"visitor\":{\"externalId\":\"x\"},\"expiresIn\":\"900\"}",
            "Authorization",
            ringnityKey,
            400,
            "expiresIn"),
        Arguments.of(
            "/api/server/visitor-context-token", "{}", "Authorization", "Basic abc", 401, null),
        Arguments.of("/tokens", "{}", "X-API-Key", chatKey, 400, "userId"),
        Arguments.of(
            "/tokens", "{\"userId\":\"u\",\"custom\":5}", "X-API-Key", chatKey, 400, "custom"),
        Arguments.of("/tokens", "{\"userId\":\"u\"}", null, null, 401, null),
        Arguments.of("/api/auth/chat-token", "{}", null, null, 401, null),
        Arguments.of(
            "/api/auth/chat-token",
            "{}",
            "Authorization",
            "Bearer sess_00000000deadbeef",
            401,
            null),
        Arguments.of("/provider/rtc/join", "{}", null, null, 400, "token"),
        Arguments.of("/provider/rtc/join", "{\"token\":\"x\"}", null, null, 400, "channelName"),
        Arguments.of(
            "/provider/rtc/join",
            "{\"token\":\"x\",\"channelName\":\"c\",\"uid\":\"7\"}",
            null,
            null,
            400,
            "uid"),
        Arguments.of(
            "/provider/rtc/join",
            "{\"token\":\"x\",\"channelName\":\"c\",\"uid\":-7}",
            null,
            null,
            400,
            "uid"));
  }

  @ParameterizedTest(name = "POST {0} {1} → {4}")
  @MethodSource("badPosts")
  void badPostsAreCleanJsonErrors(
      String path, String body, String header, String value, int status, String field) {
    ServerFixture.Reply reply =
        header == null ? sandbox.post(path, body) : sandbox.post(path, body, header, value);
    assertCleanError(reply, status, field);
  }

  @Test
  void badSandboxWritesNameTheField() {
    assertCleanError(
        sandbox.put("/sandbox/faults", "{\"rules\":[{\"fault\":\"EXPLODE\"}]}"),
        400,
        "rules[0].fault");
    assertCleanError(
        sandbox.put("/sandbox/faults", "{\"rules\":[{\"fault\":\"STATUS\",\"value\":418}]}"),
        400,
        "rules[0].value");
    assertCleanError(
        sandbox.put(
            "/sandbox/faults",
            "{\"rules\":[{\"fault\":\"LATENCY\",\"value\":5,\"probability\":2}]}"),
        400,
        "rules[0].probability");
    assertCleanError(
        sandbox.put("/sandbox/faults", "{\"rules\":[{\"fault\":\"EMPTY_BODY\",\"device\":\" \"}]}"),
        400,
        "rules[0].device");
    assertCleanError(sandbox.put("/sandbox/clock", "{\"speed\":-1}"), 400, "speed");
    assertCleanError(sandbox.put("/sandbox/settings", "{\"demoMode\":\"yes\"}"), 400, "demoMode");
  }

  @Test
  void oversizeBodiesAreRefused() {
    String huge = "{\"userId\":\"" + "x".repeat(200_000) + "\"}";
    ServerFixture.Reply reply = sandbox.post("/ringnity/runtime-token", huge);
    assertThat(reply.code()).isEqualTo(413);
    assertThat(reply.body()).doesNotContain("Exception", "at io.");
  }

  @Test
  void expiredSessionsAreRejected() {
    String session = sandbox.login("alice", "alice-demo");
    assertThat(sandbox.post("/api/auth/chat-token", "", "Authorization", session).code())
        .isEqualTo(200);
    sandbox.time.setOffset(
        dev.tokensandbox.backend.internal.customer.CustomerAuth.SESSION_LIFETIME.plusSeconds(1));
    try {
      assertCleanError(
          sandbox.post("/api/auth/chat-token", "", "Authorization", session), 401, null);
    } finally {
      sandbox.time.reset();
    }
  }

  static void assertCleanError(ServerFixture.Reply reply, int status, String field) {
    assertThat(reply.code()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().path("error").isTextual()).as(reply.body()).isTrue();
    assertThat(reply.json().path("message").asText()).isNotBlank();
    if (field != null) {
      assertThat(reply.json().path("field").asText()).isEqualTo(field);
    }
    assertThat(reply.body()).doesNotContain("Exception", "\tat ", "at io.javalin");
  }
}
