package dev.tokensandbox.client.session;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.ConnectionState;
import dev.tokensandbox.client.rtc.RtcCodes;
import dev.tokensandbox.client.rtc.RtcEngineEventHandler;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.rtc.SimulatedRtcEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * RTC flows: the engine decides. The first token joins the channel, later ones go to {@code
 * renewToken}; the engine's callbacks ({@code onTokenPrivilegeWillExpire}, {@code onRequestToken},
 * join and renew results, the kick) drive the session as the renewal policy says.
 */
final class EngineDriver implements ExpiryDriver {
  private final ExpiryDriver.Session session;
  private final SandboxClock clock;
  private final RtcTokenQuery who;
  private final SimulatedRtcEngine engine;

  /** Renewals whose token the engine is checking, oldest first. */
  private final ArrayDeque<Renewal> awaiting = new ArrayDeque<>();

  private String lastError = "";
  private boolean joined;

  EngineDriver(
      ExpiryDriver.Session session,
      SandboxClock clock,
      CallRunner runner,
      RtcTokenQuery who,
      RtcService service) {
    this.session = session;
    this.clock = clock;
    this.who = who;
    this.engine = new SimulatedRtcEngine(clock, service, runner, new Events());
    engine.setClientRole(who.publisher());
  }

  @Override
  public void apply(Renewal r, FetchedToken token) {
    session.inEffect(token);
    awaiting.add(r);
    int rc;
    if (!joined) {
      rc =
          who.isAccount()
              ? engine.joinChannelWithUserAccount(token.token(), who.channel(), who.userAccount())
              : engine.joinChannel(token.token(), who.channel(), who.uid());
    } else {
      rc = engine.renewToken(token.token());
    }
    if (rc < 0) {
      awaiting.remove(r);
      session.emit(EventKind.NOTE, "engine refused the call: " + rc, r.attempt);
      session.failed(r, false, "engine returned " + rc, Duration.ZERO);
    }
  }

  @Override
  public Instant expiresAt() {
    return engine.kickAt();
  }

  @Override
  public SimulatedRtcEngine engine() {
    return engine;
  }

  @Override
  public void stop() {
    awaiting.clear();
    engine.leaveChannel();
  }

  /** The oldest renewal the engine was checking is over. */
  private void settle() {
    Renewal r = awaiting.poll();
    if (r != null) {
      session.done(r);
    }
  }

  private void rejected(boolean retryable, String why) {
    Renewal r = awaiting.poll();
    if (r != null) {
      session.failed(r, retryable, why, Duration.ZERO);
    }
  }

  private String untilKick() {
    Instant kick = engine.kickAt();
    return kick == null
        ? ""
        : ", kick in " + Duration.between(clock.now(), kick).getSeconds() + " s";
  }

  private final class Events implements RtcEngineEventHandler {
    @Override
    public void onJoinChannelSuccess(String channel, String uid) {
      joined = true;
      session.stats().joins++;
      session.emit(EventKind.JOINED, channel + " as " + uid + untilKick(), 0);
      settle();
    }

    @Override
    public void onRejoinChannelSuccess(String channel, String uid) {
      session.stats().rejoins++;
      session.emit(EventKind.REJOINED, channel + " as " + uid + untilKick(), 0);
    }

    @Override
    public void onTokenPrivilegeWillExpire(String token) {
      session.stats().willExpire++;
      session.emit(EventKind.WILL_EXPIRE, untilKick().substring(2), 0);
      if (session.policy().trigger().onWillExpire()) {
        session.renewalNeeded("will-expire");
      }
    }

    @Override
    public void onRequestToken() {
      session.emit(EventKind.REQUEST_TOKEN, "the user is out of the channel", 0);
      if (session.policy().trigger().onRequestToken()) {
        session.renewalNeeded("request-token");
      }
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state, int reason) {
      session.emit(EventKind.STATE_CHANGED, state + " (" + RtcCodes.reasonName(reason) + ")", 0);
      if (state == ConnectionState.FAILED && reason == RtcCodes.REASON_TOKEN_EXPIRED && joined) {
        session.stats().kicks++;
        session.emit(EventKind.KICKED, "token or join privilege expired", 0);
      }
    }

    @Override
    public void onError(int err, String message) {
      lastError = err + " " + message;
      Renewal r = awaiting.peek();
      if (r != null && !joined) {
        session.emit(EventKind.JOIN_REJECTED, lastError, r.attempt);
        rejected(err != RtcCodes.ERR_INVALID_TOKEN, "join rejected: " + lastError);
      }
    }

    @Override
    public void onRenewTokenResult(String token, int code) {
      Renewal r = awaiting.peek();
      if (code == RtcCodes.ERR_OK) {
        session.stats().renewals++;
        session.emit(
            EventKind.RENEWED,
            session.inEffect().fingerprint() + untilKick(),
            r != null ? r.attempt : 0);
        settle();
        return;
      }
      session.stats().renewRejected++;
      session.emit(EventKind.RENEW_REJECTED, lastError, r != null ? r.attempt : 0);
      rejected(code != RtcCodes.ERR_INVALID_TOKEN, "renew rejected: " + lastError);
    }
  }
}
