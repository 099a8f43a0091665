package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.ServiceInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault of the plan, observed from a real OkHttp client. */
class FaultsTest {
  private static final String RTC = "/api/agora/token?channelName=room&uid=42&expireSeconds=600";
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private void plan(Fault fault, int value) {
    sandbox.server.admin().setFaults(FaultPlan.of(FaultRule.always("agora.rtc", fault, value)));
  }

  private AccessToken2Info rtcToken() {
    ServerFixture.Reply reply = sandbox.get(RTC);
    assertThat(reply.code()).isEqualTo(200);
    return (AccessToken2Info) TokenDecoder.decode(reply.body());
  }

  @Test
  void latencyDelaysTheAnswerPastAShortClientTimeout() {
    plan(Fault.LATENCY, 1500);
    OkHttpClient impatient =
        sandbox.http.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();

    assertThatThrownBy(
            () ->
                impatient
                    .newCall(new Request.Builder().url(sandbox.server.url() + RTC).build())
                    .execute())
        .isInstanceOf(SocketTimeoutException.class);
    assertThat(sandbox.get(RTC).code()).isEqualTo(200);
    assertThat(sandbox.server.admin().journal(1).entries().get(0).durationMillis())
        .isGreaterThanOrEqualTo(1500);
  }

  @Test
  void statusFaultAnswersTheStatusAsJson() {
    plan(Fault.STATUS, 503);
    ServerFixture.Reply reply = sandbox.get(RTC);
    assertThat(reply.code()).isEqualTo(503);
    assertThat(reply.json().path("error").asText()).isEqualTo("injected_fault");
  }

  @Test
  void malformedJsonAndEmptyBodyAnswer200WithBrokenBodies() {
    plan(Fault.MALFORMED_JSON, 0);
    ServerFixture.Reply malformed = sandbox.get(RTC);
    assertThat(malformed.code()).isEqualTo(200);
    assertThatThrownBy(malformed::json).isInstanceOf(AssertionError.class);

    plan(Fault.EMPTY_BODY, 0);
    ServerFixture.Reply empty = sandbox.get(RTC);
    assertThat(empty.code()).isEqualTo(200);
    assertThat(empty.body()).isEmpty();
  }

  @Test
  void connectionResetDropsTheConnection() {
    plan(Fault.CONNECTION_RESET, 0);
    assertThatThrownBy(() -> sandbox.get(RTC))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void tokenExpiredIssuesAnAlreadyExpiredToken() {
    plan(Fault.TOKEN_EXPIRED, 0);
    assertThat(rtcToken().expiresAt()).isBefore(ServerFixture.START);
  }

  @Test
  void wrongIdentityIssuesForAnotherUidAndChannel() {
    plan(Fault.WRONG_IDENTITY, 0);
    ServiceInfo rtc = rtcToken().service(ServiceInfo.RTC).orElseThrow();
    assertThat(rtc.fields()).containsEntry("channelName", "room-other").containsEntry("uid", "43");
  }

  @Test
  void shortLifetimeOverridesTheRequestedExpiry() {
    plan(Fault.SHORT_LIFETIME, 20);
    AccessToken2Info token = rtcToken();
    assertThat(token.expire()).isEqualTo(20);
    assertThat(token.service(ServiceInfo.RTC).orElseThrow().privileges())
        .allMatch(p -> p.expire() == 20);
  }

  @Test
  void clockSkewShiftsTheIssueTime() {
    plan(Fault.CLOCK_SKEW, 300);
    assertThat(rtcToken().issuedAt()).isEqualTo(ServerFixture.START.plusSeconds(300));
  }

  @Test
  void revokedKeyMakesTheChatSdkProviderRefuseTheCustomerBackend() {
    sandbox
        .server
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("chatsdk.provider", Fault.REVOKED_KEY, 0)));
    String session = sandbox.login("alice", "alice-demo");

    ServerFixture.Reply reply = sandbox.post("/api/auth/chat-token", "", "Authorization", session);

    assertThat(reply.code()).isEqualTo(500);
    assertThat(reply.json().path("error").asText()).isEqualTo("Failed to generate chat token");
    assertThat(reply.json().path("message").asText()).isEqualTo("provider answered 401");
  }

  @Test
  void tokenFaultsApplyToJwtFlowsToo() {
    sandbox
        .server
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("ringnity.*", Fault.SHORT_LIFETIME, 30)));
    String token = sandbox.post("/ringnity/runtime-token", "{}").json().path("token").asText();
    JwtInfo jwt = (JwtInfo) TokenDecoder.decode(token);
    assertThat(jwt.numericClaim("exp").orElseThrow() - jwt.numericClaim("iat").orElseThrow())
        .isEqualTo(30);
  }

  @Test
  void probabilisticFaultsRepeatForTheSameSeed() {
    List<Integer> first = statuses(7);
    List<Integer> second = statuses(7);

    assertThat(first).isEqualTo(second).contains(200, 500);
    assertThat(statuses(8)).isNotEqualTo(first);
  }

  @Test
  void faultPlanIsSettableOverTheSandboxApi() {
    ServerFixture.Reply set =
        sandbox.put(
            "/sandbox/faults",
            "{\"seed\":1,\"rules\":[{\"route\":\"agora.*\",\"fault\":\"status\",\"value\":429}]}");
    assertThat(set.code()).isEqualTo(200);
    assertThat(sandbox.get(RTC).code()).isEqualTo(429);
    assertThat(sandbox.get("/ping").code()).isEqualTo(200);
    assertThat(sandbox.server.admin().journal(2).entries().get(0).faults())
        .containsExactly("STATUS");
  }

  @Test
  void aDeviceRuleHitsOnlyTheDeviceThatNamesItself() {
    ServerFixture.Reply set =
        sandbox.put(
            "/sandbox/faults",
            "{\"rules\":[{\"route\":\"agora.rtc\",\"fault\":\"STATUS\",\"value\":503,"
                + "\"device\":\"pixel-1\"}]}");
    assertThat(set.code()).isEqualTo(200);
    assertThat(set.json().path("rules").get(0).path("device").asText()).isEqualTo("pixel-1");

    assertThat(sandbox.get(RTC, "X-Sandbox-Device", "pixel-1").code()).isEqualTo(503);
    assertThat(sandbox.get(RTC, "X-Sandbox-Device", "pixel-2").code()).isEqualTo(200);
    assertThat(sandbox.get(RTC).code()).isEqualTo(200);
    assertThat(sandbox.server.admin().journal(3).entries().get(0).client()).isEqualTo("pixel-1");
  }

  @Test
  void aDelayedCustomerRouteStillWaitsForItsProviderCall() {
    // The latency fault makes the request asynchronous; the provider call inside must still finish
    // it, with its answer or its failure.
    sandbox
        .server
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("ringnity.runtime", Fault.LATENCY, 150)));
    ServerFixture.Reply ok = sandbox.post("/ringnity/runtime-token", "{\"userId\":\"u1\"}");
    assertThat(ok.code()).isEqualTo(200);
    assertThat(ok.json().path("token").asText()).startsWith("eyJ");

    sandbox
        .server
        .admin()
        .setFaults(
            FaultPlan.of(
                FaultRule.always("ringnity.runtime", Fault.LATENCY, 150),
                FaultRule.always("ringnity.provider", Fault.REVOKED_KEY, 0)));
    ServerFixture.Reply failed = sandbox.post("/ringnity/runtime-token", "{\"userId\":\"u1\"}");
    assertThat(failed.code()).isEqualTo(502);
    assertThat(failed.json().path("error").asText()).isEqualTo("upstream_failed");
  }

  private List<Integer> statuses(long seed) {
    sandbox
        .server
        .admin()
        .setFaults(new FaultPlan(seed, List.of(new FaultRule("*", Fault.STATUS, 500, 0.5))));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(sandbox.get("/ping").code());
    }
    return out;
  }
}
