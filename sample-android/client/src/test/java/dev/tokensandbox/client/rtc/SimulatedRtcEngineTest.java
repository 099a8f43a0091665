package dev.tokensandbox.client.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.admin.SandboxAdmin.SettingsChange;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SkewedClock;
import dev.tokensandbox.client.testing.LiveBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's callbacks in virtual time, with tokens from the real mock backend and checks by its
 * RTC provider routes. No latency: every time below is exact.
 */
class SimulatedRtcEngineTest {
  private final LiveBackend backend = new LiveBackend();
  private final Instant t0 = backend.clock.now();
  private final List<String> calls = new ArrayList<>();
  private final SimulatedRtcEngine engine =
      new SimulatedRtcEngine(
          backend.clock,
          RtcService.backend(backend.client),
          CallRunner.inline(backend.clock, Duration.ZERO),
          new Recorder());

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void willExpireAtTMinus30AndRequestTokenAtT() {
    assertThat(engine.joinChannel(token(600), "lab", 1001)).isZero();
    backend.clock.advanceBy(Duration.ofSeconds(700));

    assertThat(calls)
        .containsExactly(
            "+0 state CONNECTING CONNECTING",
            "+0 state CONNECTED JOIN_SUCCESS",
            "+0 joined lab 1001",
            "+570 willExpire",
            "+600 state FAILED TOKEN_EXPIRED",
            "+600 requestToken");
  }

  @Test
  void renewalMovesBothDeadlines() {
    engine.joinChannel(token(600), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(300));
    assertThat(engine.renewToken(token(600))).isZero();
    backend.clock.advanceBy(Duration.ofSeconds(700));

    assertThat(calls)
        .containsSubsequence(
            "+300 renewResult 0", "+870 willExpire", "+900 state FAILED TOKEN_EXPIRED")
        .doesNotContain("+570 willExpire", "+600 requestToken");
  }

  @Test
  void lessThan30SecondsLeftFiresWillExpireAtOnce() {
    engine.joinChannel(token(20), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(30));

    assertThat(calls)
        .containsExactly(
            "+0 state CONNECTING CONNECTING",
            "+0 state CONNECTED JOIN_SUCCESS",
            "+0 joined lab 1001",
            "+0 willExpire",
            "+20 state FAILED TOKEN_EXPIRED",
            "+20 requestToken");
  }

  @Test
  void joinPrivilegeShorterThanPublishKicksAtTheJoinExpiry() {
    RtcTokenQuery q = RtcTokenQuery.uid("lab", 1001, true, 300).withJoinExpire(60, 300);
    engine.joinChannel(fetch(q), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(400));

    assertThat(calls)
        .containsSubsequence(
            "+30 willExpire", "+60 state FAILED TOKEN_EXPIRED", "+60 requestToken");
    assertThat(calls).doesNotContain("+270 willExpire", "+300 requestToken");
  }

  @Test
  void publishPrivilegeShorterThanJoinWarnsForEachButKicksAtTheJoinExpiry() {
    RtcTokenQuery q = new RtcTokenQuery("lab", 1001, null, true, 300, 300, 60, 60, 60);
    engine.joinChannel(fetch(q), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(400));

    assertThat(calls).containsSubsequence("+30 willExpire", "+270 willExpire", "+300 requestToken");
  }

  @Test
  void anAudienceIgnoresPublishPrivileges() {
    engine.setClientRole(false);
    RtcTokenQuery q = new RtcTokenQuery("lab", 1001, null, false, 300, 300, 60, 60, 60);
    engine.joinChannel(fetch(q), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(400));

    assertThat(calls).contains("+270 willExpire").doesNotContain("+30 willExpire");
  }

  @Test
  void renewWithATokenForAnotherUidIs110AndTheOldDeadlinesStand() {
    engine.joinChannel(token(600), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(100));
    engine.renewToken(fetch(RtcTokenQuery.uid("lab", 2002, true, 600)));
    backend.clock.advanceBy(Duration.ofSeconds(600));

    assertThat(calls)
        .containsSubsequence(
            "+100 error 110 token is for uid 2002, not uid 1001",
            "+100 renewResult 110",
            "+570 willExpire",
            "+600 state FAILED TOKEN_EXPIRED");
    assertThat(engine.state()).isEqualTo(ConnectionState.FAILED);
  }

  @Test
  void joinWithAnExpiredTokenIs109AndWithA006TokenIs110() {
    String token = token(60);
    backend.clock.advanceBy(Duration.ofSeconds(61));
    engine.joinChannel(token, "lab", 1001);
    backend.clock.advanceBy(Duration.ZERO);
    assertThat(calls)
        .containsSubsequence(
            "+61 state FAILED TOKEN_EXPIRED",
            "+61 error 109 token expired at 2026-11-24T12:01:00Z");

    backend.server.admin().updateSettings(SettingsChange.ginLegacyTokens(true));
    String legacy =
        backend
            .client
            .ginRtc(RtcTokenQuery.uid("lab", 1001, true, 600), null)
            .successValue()
            .orElseThrow()
            .token();
    assertThat(legacy).startsWith("006");
    calls.clear();
    engine.joinChannel(legacy, "lab", 1001);
    backend.clock.advanceBy(Duration.ZERO);
    assertThat(calls)
        .containsSubsequence(
            "+61 state FAILED INVALID_TOKEN", "+61 error 110 not an AccessToken2 (007) token");
  }

  @Test
  void renewAfterTheKickReconnectsWithReasonRenewToken() {
    engine.joinChannel(token(60), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(70));
    calls.clear();
    engine.renewToken(token(600));
    backend.clock.advanceBy(Duration.ZERO);

    assertThat(calls)
        .containsExactly(
            "+70 state CONNECTING RENEW_TOKEN",
            "+70 state CONNECTED JOIN_SUCCESS",
            "+70 renewResult 0",
            "+70 rejoined lab 1001");
    assertThat(engine.kickAt()).isEqualTo(t0.plusSeconds(670));
  }

  @Test
  void leaveCancelsEveryDeadlineAndRenewOutsideAChannelIsRefused() {
    engine.joinChannel(token(60), "lab", 1001);
    engine.leaveChannel();
    backend.clock.advanceBy(Duration.ofSeconds(120));

    assertThat(calls)
        .containsSubsequence("+0 state DISCONNECTED LEAVE_CHANNEL", "+0 left")
        .doesNotContain("+30 willExpire", "+60 requestToken");
    assertThat(engine.renewToken(token(60))).isEqualTo(-RtcCodes.ERR_NOT_IN_CHANNEL);
    assertThat(engine.renewToken("")).isEqualTo(-RtcCodes.ERR_INVALID_ARGUMENT);
    assertThat(engine.joinChannel(token(60), "lab", 1001)).isZero();
    assertThat(engine.joinChannel(token(60), "lab", 1001))
        .isEqualTo(-RtcCodes.ERR_JOIN_CHANNEL_REJECTED);
  }

  @Test
  void aDeviceClockTenMinutesSlowStillFiresAtTheServiceDeadlines() {
    SkewedClock phone = new SkewedClock(backend.clock, Duration.ofMinutes(-10));
    SimulatedRtcEngine skewed =
        new SimulatedRtcEngine(
            phone,
            RtcService.backend(backend.client),
            CallRunner.inline(phone, Duration.ZERO),
            new Recorder());
    skewed.joinChannel(token(600), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(700));

    assertThat(calls).containsSubsequence("+570 willExpire", "+600 requestToken");
  }

  @Test
  void expireNowKicksAtOnce() {
    engine.joinChannel(token(600), "lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(5));
    engine.expireNow();
    assertThat(calls).containsSubsequence("+5 state FAILED TOKEN_EXPIRED", "+5 requestToken");
    assertThat(engine.deadlines()).isEmpty();
  }

  private String token(int seconds) {
    return fetch(RtcTokenQuery.uid("lab", 1001, true, seconds));
  }

  private String fetch(RtcTokenQuery q) {
    return backend.client.shengwangRtc(q, null).successValue().orElseThrow().token();
  }

  private String at() {
    return "+" + Duration.between(t0, backend.clock.now()).getSeconds() + " ";
  }

  private final class Recorder implements RtcEngineEventHandler {
    @Override
    public void onJoinChannelSuccess(String channel, String uid) {
      calls.add(at() + "joined " + channel + " " + uid);
    }

    @Override
    public void onRejoinChannelSuccess(String channel, String uid) {
      calls.add(at() + "rejoined " + channel + " " + uid);
    }

    @Override
    public void onTokenPrivilegeWillExpire(String token) {
      calls.add(at() + "willExpire");
    }

    @Override
    public void onRequestToken() {
      calls.add(at() + "requestToken");
    }

    @Override
    public void onRenewTokenResult(String token, int code) {
      calls.add(at() + "renewResult " + code);
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state, int reason) {
      calls.add(at() + "state " + state + " " + RtcCodes.reasonName(reason));
    }

    @Override
    public void onError(int err, String message) {
      calls.add(at() + "error " + err + " " + message);
    }

    @Override
    public void onLeaveChannel() {
      calls.add(at() + "left");
    }
  }
}
