package dev.tokensandbox.client.porting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.rtc.SimulatedRtcEngine;
import dev.tokensandbox.client.rtc2.Constants;
import dev.tokensandbox.client.testing.LiveBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The porting sample does its job on the simulated engine: with ten-minute tokens from the mock
 * backend it stays in the channel for an hour, renewing at each will-expire, and reports a token
 * server that hands out tokens for the wrong user.
 */
class TokenRenewalTest {
  private final LiveBackend backend = new LiveBackend();
  private final List<String> log = new ArrayList<>();
  private final List<Integer> states = new ArrayList<>();

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void staysInTheChannelForAnHourOfTenMinuteTokens() {
    TokenRenewal renewal = sample((channel, uid) -> token(channel, uid));
    assertThat(renewal.join("lab", 1001)).isZero();
    backend.clock.advanceBy(Duration.ofHours(1));

    assertThat(log.get(0)).isEqualTo("joined lab as 1001 in 0 ms");
    assertThat(log).filteredOn("token renewed"::equals).hasSize(6);
    assertThat(states).doesNotContain(Constants.CONNECTION_STATE_FAILED);
  }

  @Test
  void aTokenServerThatAnswersForTheWrongUserIsReported() {
    int[] calls = {0};
    TokenRenewal renewal =
        sample((channel, uid) -> token(channel, calls[0]++ == 0 ? uid : uid + 1));
    renewal.join("lab", 1001);
    backend.clock.advanceBy(Duration.ofSeconds(580));

    assertThat(log)
        .contains(
            "token error 110",
            "renewal refused (RENEW_TOKEN_INVALID_TOKEN): check the token server's channel, uid and App ID");
  }

  @Test
  void aTokenServerThatFailsIsSaidOnceAndTheJoinReturnsAnError() {
    TokenRenewal renewal =
        sample(
            (channel, uid) -> {
              throw new java.io.IOException("connection refused");
            });
    assertThat(renewal.join("lab", 1001)).isEqualTo(-Constants.ERR_FAILED);
    assertThat(log).containsExactly("join: could not fetch a token: connection refused");
  }

  private TokenRenewal sample(TokenRenewal.TokenServer server) {
    TokenRenewal renewal = new TokenRenewal(server, log::add);
    SimulatedRtcEngine engine =
        new SimulatedRtcEngine(
            backend.clock,
            RtcService.backend(backend.client),
            CallRunner.inline(backend.clock, Duration.ZERO),
            new Forwarding(renewal),
            SdkProfile.V4_6);
    renewal.attach(engine);
    return renewal;
  }

  private String token(String channel, int uid) {
    return backend
        .client
        .shengwangRtc(RtcTokenQuery.uid(channel, uid & 0xFFFFFFFFL, true, 600), null)
        .successValue()
        .orElseThrow()
        .token();
  }

  /** Lets the test watch the connection states the sample receives. */
  private final class Forwarding extends dev.tokensandbox.client.rtc2.IRtcEngineEventHandler {
    private final TokenRenewal to;

    Forwarding(TokenRenewal to) {
      this.to = to;
    }

    @Override
    public void onJoinChannelSuccess(String channel, int uid, int elapsed) {
      to.onJoinChannelSuccess(channel, uid, elapsed);
    }

    @Override
    public void onTokenPrivilegeWillExpire(String token) {
      to.onTokenPrivilegeWillExpire(token);
    }

    @Override
    public void onRequestToken() {
      to.onRequestToken();
    }

    @Override
    public void onRenewTokenResult(String token, Constants.RenewTokenErrorCode code) {
      to.onRenewTokenResult(token, code);
    }

    @Override
    public void onConnectionStateChanged(int state, int reason) {
      states.add(state);
      to.onConnectionStateChanged(state, reason);
    }

    @Override
    public void onError(int err) {
      to.onError(err);
    }
  }
}
