package dev.tokensandbox.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.admin.SandboxAdminClient;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.rtc2.ChannelMediaOptions;
import dev.tokensandbox.client.rtc2.Constants;
import dev.tokensandbox.client.rtc2.IRtcEngineEventHandler;
import dev.tokensandbox.client.rtc2.RtcEngine;
import dev.tokensandbox.client.testing.LiveBackend;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The app-side renewal logic against the real mock backend, in virtual time. */
class TokenSessionTest {
  private static final RtcTokenQuery WHO = RtcTokenQuery.uid("lab", 1001, true, 600);

  private final LiveBackend backend = new LiveBackend();
  private final Instant t0 = backend.clock.now();
  private final SandboxAdminClient control = new SandboxAdminClient(backend.client);
  private final List<TimelineEvent> events = new ArrayList<>();

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void backendDownDuringRenewalBacksOffAsConfiguredThenRecovers() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0, 6);
    TokenSession session =
        rtcSession(RenewalPolicy.recommended().withBackoff(backoff), Duration.ZERO);
    session.start();
    advanceTo(10);
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.STATUS, 503)));
    advanceTo(580);
    control.clearFaults();
    advanceTo(700);

    assertThat(times(EventKind.FETCH_STARTED))
        .containsExactly(0.0, 570.0, 571.0, 573.0, 577.0, 585.0);
    assertThat(details(EventKind.RETRY_SCHEDULED))
        .containsExactly(
            "attempt 2 of 6 in 1 s",
            "attempt 3 of 6 in 2 s",
            "attempt 4 of 6 in 4 s",
            "attempt 5 of 6 in 8 s");
    assertThat(times(EventKind.RENEWED)).containsExactly(585.0);
    assertThat(session.currentExpiresAt()).isEqualTo(t0.plusSeconds(1185));
    assertThat(kinds()).doesNotContain(EventKind.KICKED, EventKind.GAVE_UP);
  }

  @Test
  void tokensShorterThanTheWillExpireLeadAreRenewedOncePerTokenAndSaidOnce() {
    RtcTokenQuery shortLived = RtcTokenQuery.uid("lab", 1001, true, 20);
    java.util.concurrent.atomic.AtomicReference<TokenSession> held =
        new java.util.concurrent.atomic.AtomicReference<>();
    TokenSession session =
        TokenSession.builder(
                "d1",
                backend.clock,
                TokenSource.backend(backend.client, Flow.SHENGWANG, shortLived, null, null))
            .rtc(shortLived, RtcService.backend(backend.client))
            .runner(CallRunner.inline(backend.clock, Duration.ZERO))
            .random(new Random(1))
            .listener(
                e -> {
                  events.add(e);
                  if (events.size() == 5_000) {
                    held.get().stop(); // a storm: end it so the test can fail rather than hang
                  }
                })
            .build();
    held.set(session);
    session.start();
    advanceTo(60);

    assertThat(details(EventKind.FINDING))
        .containsExactly(
            "token lifetime 20 s is shorter than the 30 s will-expire window: every token is"
                + " renewed at once (renewing once per token, with backoff)");
    List<Double> fetches = times(EventKind.FETCH_STARTED);
    assertThat(fetches).as("one fetch per token, not a storm").hasSizeBetween(5, 12);
    assertThat(times(EventKind.TOKEN_ISSUED)).hasSameSizeAs(fetches);
    for (int i = 1; i < fetches.size(); i++) {
      assertThat(fetches.get(i) - fetches.get(i - 1))
          .as("the wait before renewal " + i)
          .isGreaterThanOrEqualTo(0.8); // backoff: 1 s less up to 20 % jitter, then longer
    }
    assertThat(kinds()).doesNotContain(EventKind.KICKED, EventKind.GAVE_UP);
  }

  @Test
  void givesUpAfterTheLastAttemptAndSaysWhy() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(60), 0, 3);
    TokenSession session =
        rtcSession(RenewalPolicy.recommended().withBackoff(backoff), Duration.ZERO);
    session.start();
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.STATUS, 502)));
    advanceTo(590);

    assertThat(times(EventKind.FETCH_STARTED)).containsExactly(0.0, 570.0, 572.0, 576.0);
    assertThat(details(EventKind.GAVE_UP))
        .containsExactly(
            "after 3 attempts: server error (502): fault plan: this route answers 502");
    assertThat(session.isRenewing()).isFalse();
    assertThat(session.stats().gaveUp()).isEqualTo(1);
  }

  @Test
  void aClientErrorIsNotRetried() {
    TokenSession session =
        TokenSession.builder(
                "d1",
                backend.clock,
                TokenSource.backend(
                    backend.client,
                    Flow.SHENGWANG,
                    RtcTokenQuery.uid("caf\u00e9", 1, true, 60),
                    null,
                    null))
            .rtc(WHO, RtcService.backend(backend.client))
            .listener(events::add)
            .build();
    session.start();
    advanceTo(60);

    assertThat(kinds())
        .containsExactly(EventKind.FETCH_STARTED, EventKind.FETCH_FAILED, EventKind.GAVE_UP);
    assertThat(events.get(1).detail()).contains("400", "field channelName");
    assertThat(events.get(2).detail()).startsWith("not retryable: ");
  }

  @Test
  void jitterIsSeededAndStaysWithinItsBand() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(60), 0.5, 10);
    List<Duration> first = delays(backoff, new Random(99));
    assertThat(delays(backoff, new Random(99))).isEqualTo(first);
    assertThat(delays(backoff, new Random(100))).isNotEqualTo(first);
    long[] caps = {10_000, 20_000, 40_000, 60_000, 60_000};
    for (int i = 0; i < caps.length; i++) {
      assertThat(first.get(i).toMillis()).isBetween(caps[i] / 2, caps[i]);
    }
  }

  @Test
  void concurrentRequestsShareOneFetchWithSingleFlight() {
    TokenSession session = rtcSession(RenewalPolicy.recommended(), Duration.ofSeconds(1));
    session.start();
    advanceTo(100);
    session.refresh("a");
    session.refresh("b");
    advanceTo(100.5);
    session.refresh("c");
    advanceTo(200);

    assertThat(session.stats().fetches()).isEqualTo(2);
    assertThat(session.stats().coalesced()).isEqualTo(2);
    assertThat(times(EventKind.RENEWED)).containsExactly(102.0);
    assertThat(backend.server.admin().tokens()).hasSize(2);
  }

  @Test
  void withoutSingleFlightEveryRequestFetches() {
    TokenSession session =
        rtcSession(RenewalPolicy.recommended().withSingleFlight(false), Duration.ofSeconds(1));
    session.start();
    advanceTo(100);
    session.refresh("a");
    session.refresh("b");
    session.refresh("c");
    advanceTo(200);

    assertThat(session.stats().fetches()).isEqualTo(4);
    // Three renewToken calls in flight at once: the engine confirms the newest, cancels the rest.
    assertThat(session.stats().renewals()).isEqualTo(1);
    assertThat(events)
        .filteredOn(e -> e.detail().contains("overtaken by a newer renewToken"))
        .hasSize(2);
    assertThat(session.isRenewing()).isFalse();
  }

  @Test
  void aChatSdkSessionLogsInRenewsOnItsOwnTimerAndLogsInAgainWhenTheBearerExpires() {
    TokenSession session = chatSession();
    session.start();
    advanceTo(26 * 3600);

    assertThat(kinds())
        .contains(EventKind.READY)
        .doesNotContain(EventKind.FETCH_FAILED, EventKind.TOKEN_EXPIRED);
    assertThat(session.currentToken().expiresInSeconds()).isEqualTo(86_400);
    assertThat(times(EventKind.WILL_EXPIRE)).containsExactly(86_370.0);
    assertThat(times(EventKind.RENEWED)).containsExactly(86_370.0);
    assertThat(backend.clientLog.stream().filter(l -> l.startsWith("POST /auth/login")).count())
        .as("the renewal logs in again: the 8 h session ran out long before")
        .isEqualTo(2);
  }

  @Test
  void timelineDetailsAndLogsNeverHoldATokenOrBearer() {
    TokenSession session = chatSession();
    session.start();
    advanceTo(7200);
    String token = session.currentToken().token();
    String all =
        events.stream().map(TimelineEvent::toString).collect(Collectors.joining("\n"))
            + String.join("\n", backend.clientLog)
            + session.currentToken();
    assertThat(all)
        .doesNotContain(token)
        .doesNotContain(token.substring(0, 40))
        .doesNotContain("sess_")
        .contains("tok:");
  }

  @ParameterizedTest
  @EnumSource(SdkProfile.class)
  void anAppThatWaitsForTheKickGetsBackInOnEverySdkGeneration(SdkProfile sdk) {
    RenewalPolicy policy =
        RenewalPolicy.recommended().withTrigger(RenewalPolicy.Trigger.REQUEST_TOKEN).withSdk(sdk);
    TokenSession session = rtcSession(policy, Duration.ZERO);
    session.start();
    advanceTo(700);

    assertThat(times(EventKind.KICKED)).containsExactly(600.0);
    assertThat(session.connectionState()).isEqualTo(Constants.CONNECTION_STATE_CONNECTED);
    assertThat(session.isRenewing()).isFalse();
    if (sdk.renewRejoins()) {
      assertThat(times(EventKind.REJOINED)).containsExactly(600.0);
      assertThat(session.stats().joins()).isEqualTo(1);
    } else {
      assertThat(times(EventKind.JOINED)).containsExactly(0.0, 600.0);
      assertThat(details(EventKind.NOTE))
          .contains("out of the channel: leaveChannel, then join again");
    }
  }

  @Test
  void before46ARefusedRenewalShowsOnlyAsAnErrorAfterTheAppBelievedIt() {
    TokenSession session =
        rtcSession(RenewalPolicy.recommended().withSdk(SdkProfile.V4_0), Duration.ZERO);
    session.start();
    control.setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.WRONG_IDENTITY, 0)));
    advanceTo(571);

    // At will-expire the app fetches a token for the wrong uid: renewToken returns 0, the app
    // counts it renewed, and only onError says otherwise. The kick follows at +600.
    assertThat(kinds())
        .containsSubsequence(EventKind.WILL_EXPIRE, EventKind.RENEWED, EventKind.RENEW_REJECTED);
    assertThat(details(EventKind.RENEWED).get(0)).startsWith("renewToken returned 0");
    assertThat(details(EventKind.RENEW_REJECTED).get(0)).startsWith("onError 110");
    control.clearFaults();
    advanceTo(601);
    assertThat(times(EventKind.KICKED)).containsExactly(600.0);
    assertThat(session.connectionState()).isEqualTo(Constants.CONNECTION_STATE_CONNECTED);
  }

  @Test
  void theSessionDrivesAnyEngineThroughTheSdkShapedApi() {
    ScriptedEngine engine = new ScriptedEngine();
    TokenSession session =
        TokenSession.builder(
                "d1",
                backend.clock,
                TokenSource.backend(backend.client, Flow.SHENGWANG, WHO, null, null))
            .rtc(WHO, engine)
            .listener(events::add)
            .build();
    session.start();
    advanceTo(1);
    assertThat(engine.calls).containsExactly("joinChannel lab 1001 role 1");
    engine.handler.onConnectionStateChanged(
        Constants.CONNECTION_STATE_CONNECTED, Constants.CONNECTION_CHANGED_JOIN_SUCCESS);
    engine.handler.onJoinChannelSuccess("lab", 1001, 40);
    engine.handler.onTokenPrivilegeWillExpire("old");
    advanceTo(2);
    assertThat(engine.calls).hasSize(2).last().asString().startsWith("renewToken 007");
    engine.handler.onRenewTokenResult("new", Constants.RenewTokenErrorCode.RENEW_TOKEN_SUCCESS);

    assertThat(kinds())
        .containsSubsequence(
            EventKind.JOINED, EventKind.WILL_EXPIRE, EventKind.FETCH_STARTED, EventKind.RENEWED);
    assertThat(session.isRenewing()).isFalse();
    assertThat(session.connectionState()).isEqualTo(Constants.CONNECTION_STATE_CONNECTED);
    assertThat(session.simulatedEngine()).isNull();
  }

  /** An engine the test drives by hand: records calls, exposes the handler the session gave it. */
  private static final class ScriptedEngine extends RtcEngine
      implements dev.tokensandbox.client.rtc.RtcEngineFactory {
    final List<String> calls = new ArrayList<>();
    IRtcEngineEventHandler handler;

    @Override
    public RtcEngine create(IRtcEngineEventHandler handler) {
      this.handler = handler;
      return this;
    }

    @Override
    public int setClientRole(int role) {
      calls.add("setClientRole " + role);
      return 0;
    }

    @Override
    public int joinChannel(String token, String channelId, int uid, ChannelMediaOptions o) {
      calls.add("joinChannel " + channelId + " " + uid + " role " + o.clientRoleType);
      return 0;
    }

    @Override
    public int joinChannel(String token, String channelId, String info, int uid) {
      return joinChannel(token, channelId, uid, null);
    }

    @Override
    public int joinChannelWithUserAccount(String token, String channelId, String account) {
      return joinChannelWithUserAccount(token, channelId, account, null);
    }

    @Override
    public int joinChannelWithUserAccount(
        String token, String channelId, String account, ChannelMediaOptions o) {
      calls.add("joinChannelWithUserAccount " + channelId + " " + account);
      return 0;
    }

    @Override
    public int renewToken(String token) {
      calls.add("renewToken " + token);
      return 0;
    }

    @Override
    public int leaveChannel() {
      calls.add("leaveChannel");
      return 0;
    }
  }

  private TokenSession chatSession() {
    return TokenSession.builder(
            "phone",
            backend.clock,
            TokenSource.backend(backend.client, Flow.CHATSDK, null, "alice", "alice-demo"))
        .listener(events::add)
        .build();
  }

  private TokenSession rtcSession(RenewalPolicy policy, Duration latency) {
    return TokenSession.builder(
            "d1",
            backend.clock,
            TokenSource.backend(backend.client, Flow.SHENGWANG, WHO, null, null))
        .rtc(WHO, RtcService.backend(backend.client))
        .policy(policy)
        .runner(CallRunner.inline(backend.clock, latency))
        .random(new Random(1))
        .listener(events::add)
        .build();
  }

  private static List<Duration> delays(Backoff backoff, Random random) {
    List<Duration> out = new ArrayList<>();
    for (int attempt = 1; attempt <= 5; attempt++) {
      out.add(backoff.delayAfter(attempt, random));
    }
    return out;
  }

  private void advanceTo(double seconds) {
    backend.clock.advanceTo(t0.plusMillis(Math.round(seconds * 1000)));
  }

  private List<EventKind> kinds() {
    return events.stream().map(TimelineEvent::kind).toList();
  }

  private List<Double> times(EventKind kind) {
    return events.stream()
        .filter(e -> e.kind() == kind)
        .map(e -> Duration.between(t0, e.at()).toMillis() / 1000.0)
        .toList();
  }

  private List<String> details(EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).map(TimelineEvent::detail).toList();
  }
}
