package dev.tokensandbox.client.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SkewedClock;
import dev.tokensandbox.client.rtc2.Constants;
import dev.tokensandbox.client.rtc2.IRtcEngineEventHandler;
import dev.tokensandbox.client.testing.LiveBackend;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
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
  private final SimulatedRtcEngine engine = engine(SdkProfile.V4_6);

  private SimulatedRtcEngine engine(SdkProfile profile) {
    Recorder recorder = new Recorder();
    recorder.of =
        new SimulatedRtcEngine(
            backend.clock,
            RtcService.backend(backend.client),
            CallRunner.inline(backend.clock, Duration.ZERO),
            recorder,
            profile);
    return recorder.of;
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void willExpireAtTMinus30AndRequestTokenAtT() {
    assertThat(engine.joinChannel(token(600), "lab", 1001, null)).isZero();
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
    engine.joinChannel(token(600), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(300));
    assertThat(engine.renewToken(token(600))).isZero();
    backend.clock.advanceBy(Duration.ofSeconds(700));

    assertThat(calls)
        .containsSubsequence(
            "+300 renewResult SUCCESS", "+870 willExpire", "+900 state FAILED TOKEN_EXPIRED")
        .doesNotContain("+570 willExpire", "+600 requestToken");
  }

  @Test
  void lessThan30SecondsLeftFiresWillExpireAtOnce() {
    engine.joinChannel(token(20), "lab", 1001, null);
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
    engine.joinChannel(fetch(q), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(400));

    assertThat(calls)
        .containsSubsequence(
            "+30 willExpire", "+60 state FAILED TOKEN_EXPIRED", "+60 requestToken");
    assertThat(calls).doesNotContain("+270 willExpire", "+300 requestToken");
  }

  @Test
  void publishPrivilegeShorterThanJoinWarnsForEachButKicksAtTheJoinExpiry() {
    RtcTokenQuery q = new RtcTokenQuery("lab", 1001, null, true, 300, 300, 60, 60, 60);
    engine.joinChannel(fetch(q), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(400));

    assertThat(calls).containsSubsequence("+30 willExpire", "+270 willExpire", "+300 requestToken");
  }

  @Test
  void anAudienceIgnoresPublishPrivileges() {
    engine.setClientRole(Constants.CLIENT_ROLE_AUDIENCE);
    RtcTokenQuery q = new RtcTokenQuery("lab", 1001, null, false, 300, 300, 60, 60, 60);
    engine.joinChannel(fetch(q), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(400));

    assertThat(calls).contains("+270 willExpire").doesNotContain("+30 willExpire");
  }

  @Test
  void renewWithATokenForAnotherUidIs110AndTheOldDeadlinesStand() {
    engine.joinChannel(token(600), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(100));
    engine.renewToken(fetch(RtcTokenQuery.uid("lab", 2002, true, 600)));
    backend.clock.advanceBy(Duration.ofSeconds(600));

    assertThat(calls)
        .containsSubsequence(
            "+100 error 110 token is for uid 2002, not uid 1001",
            "+100 renewResult INVALID_TOKEN",
            "+570 willExpire",
            "+600 state FAILED TOKEN_EXPIRED");
    assertThat(engine.connectionState()).isEqualTo(Constants.CONNECTION_STATE_FAILED);
  }

  @Test
  void joinWithAnExpiredTokenIs109AndWithA006TokenIs110() {
    String token = token(60);
    backend.clock.advanceBy(Duration.ofSeconds(61));
    engine.joinChannel(token, "lab", 1001, null);
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
    engine.joinChannel(legacy, "lab", 1001, null);
    backend.clock.advanceBy(Duration.ZERO);
    assertThat(calls)
        .containsSubsequence(
            "+61 state FAILED INVALID_TOKEN", "+61 error 110 not an AccessToken2 (007) token");
  }

  @Test
  void renewAfterTheKickReconnectsWithReasonRenewToken() {
    engine.joinChannel(token(60), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(70));
    calls.clear();
    engine.renewToken(token(600));
    backend.clock.advanceBy(Duration.ZERO);

    assertThat(calls)
        .containsExactly(
            "+70 state CONNECTING RENEW_TOKEN",
            "+70 state CONNECTED JOIN_SUCCESS",
            "+70 renewResult SUCCESS",
            "+70 rejoined lab 1001");
    assertThat(engine.kickAt()).isEqualTo(t0.plusSeconds(670));
  }

  @Test
  void leaveCancelsEveryDeadlineAndRenewOutsideAChannelIsRefused() {
    engine.joinChannel(token(60), "lab", 1001, null);
    engine.leaveChannel();
    backend.clock.advanceBy(Duration.ofSeconds(120));

    assertThat(calls)
        .containsSubsequence("+0 state DISCONNECTED LEAVE_CHANNEL", "+0 left after 0 s")
        .doesNotContain("+30 willExpire", "+60 requestToken");
    assertThat(engine.renewToken(token(60))).isEqualTo(-Constants.ERR_NOT_IN_CHANNEL);
    assertThat(engine.renewToken("")).isEqualTo(-Constants.ERR_INVALID_ARGUMENT);
    assertThat(engine.joinChannel(token(60), "lab", 1001, null)).isZero();
    assertThat(engine.joinChannel(token(60), "lab", 1001, null))
        .isEqualTo(-Constants.ERR_JOIN_CHANNEL_REJECTED);
  }

  @Test
  void aDeviceClockTenMinutesSlowStillFiresAtTheServiceDeadlines() {
    SkewedClock phone = new SkewedClock(backend.clock, Duration.ofMinutes(-10));
    Recorder recorder = new Recorder();
    SimulatedRtcEngine skewed =
        new SimulatedRtcEngine(
            phone,
            RtcService.backend(backend.client),
            CallRunner.inline(phone, Duration.ZERO),
            recorder);
    recorder.of = skewed;
    skewed.joinChannel(token(600), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(700));

    assertThat(calls).containsSubsequence("+570 willExpire", "+600 requestToken");
  }

  @Test
  void expireNowKicksAtOnce() {
    engine.joinChannel(token(600), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(5));
    engine.expireNow();
    assertThat(calls).containsSubsequence("+5 state FAILED TOKEN_EXPIRED", "+5 requestToken");
    assertThat(engine.deadlines()).isEmpty();
  }

  @Test
  void aUserAccountIsRegisteredBeforeTheJoinAndJoinsUnderItsNumber() {
    String token = fetch(RtcTokenQuery.account("lab", "alice", true, 600));
    assertThat(engine.joinChannelWithUserAccount(token, "lab", "alice")).isZero();
    backend.clock.advanceBy(Duration.ZERO);

    assertThat(calls).hasSize(4);
    assertThat(calls.get(0)).isEqualTo("+0 state CONNECTING CONNECTING");
    assertThat(calls.get(1)).startsWith("+0 registered alice ");
    assertThat(calls.get(2)).isEqualTo("+0 state CONNECTED JOIN_SUCCESS");
    String uid = calls.get(1).substring("+0 registered alice ".length());
    assertThat(calls.get(3)).isEqualTo("+0 joined lab " + uid);
    assertThat(Integer.parseInt(uid)).isPositive();
  }

  @Test
  void aUidAbove2To31TravelsAsTheSdksNegativeInt() {
    long big = 3_000_000_000L;
    String token = fetch(RtcTokenQuery.uid("lab", big, true, 600));
    assertThat(engine.joinChannel(token, "lab", (int) big, null)).isZero();
    backend.clock.advanceBy(Duration.ZERO);

    assertThat(calls).contains("+0 joined lab " + (int) big);
    assertThat(engine.connectionState()).isEqualTo(Constants.CONNECTION_STATE_CONNECTED);
  }

  @Test
  void channelMediaOptionsSetTheRoleOfTheJoin() {
    dev.tokensandbox.client.rtc2.ChannelMediaOptions audience =
        new dev.tokensandbox.client.rtc2.ChannelMediaOptions();
    audience.clientRoleType = Constants.CLIENT_ROLE_AUDIENCE;
    RtcTokenQuery q = new RtcTokenQuery("lab", 1001, null, false, 300, 300, 60, 60, 60);
    engine.joinChannel(fetch(q), "lab", 1001, audience);
    backend.clock.advanceBy(Duration.ofSeconds(100));

    assertThat(calls).doesNotContain("+30 willExpire");
    audience.clientRoleType = 7;
    assertThat(engine.joinChannel(token(60), "lab", 1001, audience))
        .isEqualTo(-Constants.ERR_INVALID_ARGUMENT);
  }

  @Test
  void aRenewalOvertakenByANewerOneIsCancelled() {
    SimulatedRtcEngine slow = slowEngine(SdkProfile.V4_6);
    slow.joinChannel(token(600), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(10));
    calls.clear();
    assertThat(slow.renewToken(token(600))).isZero();
    assertThat(slow.renewToken(token(900))).isZero();
    backend.clock.advanceBy(Duration.ofSeconds(1));

    assertThat(calls)
        .containsExactly("+10 renewResult CANCELED_BY_NEW_REQUEST", "+10 renewResult SUCCESS");
  }

  @Test
  void before46RenewalsAreNeverConfirmedAndRenewAfterTheKickStillRejoins() {
    SimulatedRtcEngine v40 = engine(SdkProfile.V4_0);
    v40.joinChannel(token(60), "lab", 1001, null);
    v40.renewToken(token(60));
    v40.renewToken(fetch(RtcTokenQuery.uid("lab", 2002, true, 600)));
    backend.clock.advanceBy(Duration.ofSeconds(70));
    calls.clear();
    assertThat(v40.renewToken(token(600))).isZero();
    backend.clock.advanceBy(Duration.ZERO);

    assertThat(calls)
        .containsExactly(
            "+70 state CONNECTING RENEW_TOKEN",
            "+70 state CONNECTED JOIN_SUCCESS",
            "+70 rejoined lab 1001");
  }

  @Test
  void on3xRenewAfterTheKickIsRefusedAndLeavePlusJoinBringsTheUserBack() {
    SimulatedRtcEngine v3 = engine(SdkProfile.V3);
    v3.joinChannel(token(60), "lab", 1001, null);
    backend.clock.advanceBy(Duration.ofSeconds(70));
    calls.clear();

    assertThat(v3.renewToken(token(600))).isEqualTo(-Constants.ERR_NOT_IN_CHANNEL);
    assertThat(v3.leaveChannel()).isZero();
    assertThat(v3.joinChannel(token(600), "lab", 1001, null)).isZero();
    backend.clock.advanceBy(Duration.ZERO);

    assertThat(calls)
        .containsExactly(
            "+70 state DISCONNECTED LEAVE_CHANNEL",
            "+70 left after 70 s",
            "+70 state CONNECTING CONNECTING",
            "+70 state CONNECTED JOIN_SUCCESS",
            "+70 joined lab 1001");
    assertThat(calls).noneMatch(c -> c.contains("renewResult"));
  }

  private SimulatedRtcEngine slowEngine(SdkProfile profile) {
    Recorder recorder = new Recorder();
    recorder.of =
        new SimulatedRtcEngine(
            backend.clock,
            RtcService.backend(backend.client),
            CallRunner.inline(backend.clock, Duration.ofMillis(100)),
            recorder,
            profile);
    return recorder.of;
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

  private final class Recorder extends IRtcEngineEventHandler {
    private SimulatedRtcEngine of;

    @Override
    public void onJoinChannelSuccess(String channel, int uid, int elapsed) {
      calls.add(at() + "joined " + channel + " " + uid);
    }

    @Override
    public void onRejoinChannelSuccess(String channel, int uid, int elapsed) {
      calls.add(at() + "rejoined " + channel + " " + uid);
    }

    @Override
    public void onLocalUserRegistered(int uid, String userAccount) {
      calls.add(at() + "registered " + userAccount + " " + uid);
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
    public void onRenewTokenResult(String token, Constants.RenewTokenErrorCode code) {
      calls.add(at() + "renewResult " + RtcNames.renewResult(code));
    }

    @Override
    public void onConnectionStateChanged(int state, int reason) {
      calls.add(at() + "state " + RtcNames.state(state) + " " + RtcNames.reason(reason));
    }

    @Override
    public void onError(int err) {
      calls.add(at() + "error " + err + " " + of.lastErrorReason());
    }

    @Override
    public void onLeaveChannel(RtcStats stats) {
      calls.add(at() + "left after " + stats.totalDuration + " s");
    }
  }
}
