package dev.tokensandbox.client.session;

import static dev.tokensandbox.client.rtc2.Constants.*;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.RtcEngineFactory;
import dev.tokensandbox.client.rtc.RtcNames;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.rtc.SimulatedRtcEngine;
import dev.tokensandbox.client.rtc2.ChannelMediaOptions;
import dev.tokensandbox.client.rtc2.Constants.RenewTokenErrorCode;
import dev.tokensandbox.client.rtc2.IRtcEngineEventHandler;
import dev.tokensandbox.client.rtc2.RtcEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * RTC flows: the engine decides. The first token joins the channel, later ones go to {@code
 * renewToken} (or, on a 3.x SDK after the kick, to {@code leaveChannel} and a new join); the
 * engine's callbacks ({@code onTokenPrivilegeWillExpire}, {@code onRequestToken}, join and renew
 * results, the kick) drive the session as the renewal policy says. Talks to any {@link RtcEngine}:
 * the simulated one, or an adapter around the real SDK.
 */
final class EngineDriver implements ExpiryDriver {
  private final ExpiryDriver.Session session;
  private final SandboxClock clock;
  private final RtcTokenQuery who;
  private final SdkProfile sdk;
  private final RtcEngine engine;

  /** Renewals whose token the engine is checking, oldest first. */
  private final ArrayDeque<Renewal> awaiting = new ArrayDeque<>();

  private String lastError = "";
  private int state = CONNECTION_STATE_DISCONNECTED;
  private boolean joined;

  EngineDriver(
      ExpiryDriver.Session session,
      SandboxClock clock,
      RtcTokenQuery who,
      SdkProfile sdk,
      RtcEngineFactory engines) {
    this.session = session;
    this.clock = clock;
    this.who = who;
    this.sdk = sdk;
    this.engine = engines.create(new Events());
  }

  @Override
  public void apply(Renewal r, FetchedToken token) {
    session.inEffect(token);
    awaiting.add(r);
    int rc;
    boolean confirmedLater = true;
    if (joined && state == CONNECTION_STATE_FAILED && !sdk.renewRejoins()) {
      // A 3.x SDK takes no token after the kick: leave and join again.
      session.emit(EventKind.NOTE, "out of the channel: leaveChannel, then join again", r.attempt);
      engine.leaveChannel();
      joined = false;
    }
    if (!joined) {
      rc = join(token.token());
    } else {
      confirmedLater = sdk.reportsRenewResult() || state == CONNECTION_STATE_FAILED;
      rc = engine.renewToken(token.token());
    }
    if (rc < 0) {
      awaiting.remove(r);
      session.emit(EventKind.NOTE, "engine refused the call: " + rc, r.attempt);
      session.failed(r, false, "engine returned " + rc, Duration.ZERO);
    } else if (!confirmedLater) {
      // Before 4.6 nothing confirms a renewal in the channel: the app can only assume it took.
      session.stats().renewals++;
      session.emit(
          EventKind.RENEWED,
          "renewToken returned 0 (" + sdk.label() + " reports no result)" + untilKick(),
          r.attempt);
      settle();
    }
  }

  private int join(String token) {
    ChannelMediaOptions options = new ChannelMediaOptions();
    options.clientRoleType = who.publisher() ? CLIENT_ROLE_BROADCASTER : CLIENT_ROLE_AUDIENCE;
    return who.isAccount()
        ? engine.joinChannelWithUserAccount(token, who.channel(), who.userAccount(), options)
        : engine.joinChannel(token, who.channel(), (int) who.uid(), options);
  }

  @Override
  public Instant expiresAt() {
    return engine instanceof SimulatedRtcEngine s ? s.kickAt() : null;
  }

  @Override
  public RtcEngine engine() {
    return engine;
  }

  @Override
  public int connectionState() {
    return state;
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
    Instant kick = expiresAt();
    return kick == null
        ? ""
        : ", kick in " + Duration.between(clock.now(), kick).getSeconds() + " s";
  }

  private int attempt() {
    Renewal r = awaiting.peek();
    return r != null ? r.attempt : 0;
  }

  private final class Events extends IRtcEngineEventHandler {
    @Override
    public void onLocalUserRegistered(int uid, String userAccount) {
      session.emit(EventKind.NOTE, "user account " + userAccount + " is uid " + uid, 0);
    }

    @Override
    public void onJoinChannelSuccess(String channel, int uid, int elapsed) {
      boolean again = session.stats().joins > 0;
      joined = true;
      session.stats().joins++;
      session.emit(
          EventKind.JOINED,
          channel + " as " + who.identity() + (again ? " (joined again)" : "") + untilKick(),
          0);
      settle();
    }

    @Override
    public void onRejoinChannelSuccess(String channel, int uid, int elapsed) {
      session.stats().rejoins++;
      session.emit(EventKind.REJOINED, channel + " as " + who.identity() + untilKick(), 0);
      if (!sdk.reportsRenewResult()) {
        settle();
      }
    }

    @Override
    public void onTokenPrivilegeWillExpire(String token) {
      session.stats().willExpire++;
      String left = untilKick();
      session.emit(EventKind.WILL_EXPIRE, left.isEmpty() ? "" : left.substring(2), 0);
      if (session.policy().trigger().onWillExpire()) {
        session.renewalNeeded(TokenSession.WILL_EXPIRE);
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
    public void onConnectionStateChanged(int newState, int reason) {
      state = newState;
      session.emit(
          EventKind.STATE_CHANGED,
          RtcNames.state(newState) + " (" + RtcNames.reason(reason) + ")",
          0);
      if (newState == CONNECTION_STATE_FAILED
          && reason == CONNECTION_CHANGED_TOKEN_EXPIRED
          && joined) {
        session.stats().kicks++;
        session.emit(EventKind.KICKED, "token or join privilege expired", 0);
      }
    }

    @Override
    public void onError(int err) {
      String reason = engine instanceof SimulatedRtcEngine s ? s.lastErrorReason() : "";
      lastError = err + (reason.isEmpty() ? "" : " " + reason);
      if (!joined) {
        session.emit(EventKind.JOIN_REJECTED, lastError, attempt());
        rejected(err != ERR_INVALID_TOKEN, "join rejected: " + lastError);
      } else if (!sdk.reportsRenewResult()) {
        // No renew result before 4.6: onError is the only sign a renewal was refused.
        session.stats().renewRejected++;
        session.emit(EventKind.RENEW_REJECTED, "onError " + lastError, attempt());
        if (state == CONNECTION_STATE_FAILED) {
          rejected(err != ERR_INVALID_TOKEN, "rejoin refused: " + lastError);
        }
      }
    }

    @Override
    public void onRenewTokenResult(String token, RenewTokenErrorCode code) {
      if (code == RenewTokenErrorCode.RENEW_TOKEN_SUCCESS) {
        session.stats().renewals++;
        session.emit(EventKind.RENEWED, session.inEffect().fingerprint() + untilKick(), attempt());
        settle();
        return;
      }
      if (code == RenewTokenErrorCode.RENEW_TOKEN_CANCELED_BY_NEW_REQUEST) {
        session.emit(EventKind.NOTE, "renewal overtaken by a newer renewToken", attempt());
        settle();
        return;
      }
      session.stats().renewRejected++;
      session.emit(
          EventKind.RENEW_REJECTED, RtcNames.renewResult(code) + ": " + lastError, attempt());
      rejected(
          code != RenewTokenErrorCode.RENEW_TOKEN_INVALID_TOKEN, "renew rejected: " + lastError);
    }
  }
}
