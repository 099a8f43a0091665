package dev.tokensandbox.client.rtc;

import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcCheck;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An RTC engine that behaves like the Agora SDK from the app's side, without media. Tokens are
 * checked by an {@link RtcService} (the mock backend's provider routes), so signature, App ID,
 * channel, uid and expiry rules are the service's. On a successful check the engine schedules, on
 * its clock and relative to the service's own time:
 *
 * <ul>
 *   <li>{@code onTokenPrivilegeWillExpire} 30 s before each expiry that matters (token, join
 *       privilege and, for a publisher, the publish privileges), at once when less remains;
 *   <li>at the earlier of token and join-privilege expiry: {@code onConnectionStateChanged(FAILED,
 *       TOKEN_EXPIRED)} then {@code onRequestToken} — the user is out.
 * </ul>
 *
 * {@code renewToken} while connected moves every deadline (a rejected token raises {@code onError}
 * 109/110 and leaves the old deadlines standing); after a kick it reconnects ({@code CONNECTING,
 * RENEW_TOKEN}). Every {@code renewToken} ends in {@code onRenewTokenResult(token, code)}. Confined
 * to its clock's thread, like every part of the core.
 */
public final class SimulatedRtcEngine {
  public static final Duration WILL_EXPIRE_LEAD = Duration.ofSeconds(30);

  private final SandboxClock clock;
  private final RtcService service;
  private final CallRunner runner;
  private final RtcEngineEventHandler handler;
  private final List<SandboxClock.Scheduled> timers = new ArrayList<>();

  private ConnectionState state = ConnectionState.DISCONNECTED;
  private boolean publisher = true;
  private RtcTokenQuery who;
  private String token;
  private RtcCheck lastCheck;
  private Instant kickAt;
  private long generation;

  public SimulatedRtcEngine(
      SandboxClock clock, RtcService service, CallRunner runner, RtcEngineEventHandler handler) {
    this.clock = clock;
    this.service = service;
    this.runner = runner;
    this.handler = handler;
  }

  /** Broadcaster (may publish) or audience; applies to the next join. */
  public void setClientRole(boolean publisher) {
    this.publisher = publisher;
  }

  /** Joins with a numeric uid (0 lets the service accept a wildcard token). */
  public int joinChannel(String token, String channel, long uid) {
    return join(token, RtcTokenQuery.uid(channel, uid, publisher, null));
  }

  /** Joins with a string user account. */
  public int joinChannelWithUserAccount(String token, String channel, String account) {
    return join(token, RtcTokenQuery.account(channel, account, publisher, null));
  }

  public int renewToken(String newToken) {
    if (newToken == null || newToken.isEmpty()) {
      return -RtcCodes.ERR_INVALID_ARGUMENT;
    }
    if (state == ConnectionState.DISCONNECTED || state == ConnectionState.CONNECTING) {
      return -RtcCodes.ERR_NOT_IN_CHANNEL;
    }
    long gen = generation;
    if (state == ConnectionState.FAILED) {
      changeState(ConnectionState.CONNECTING, RtcCodes.REASON_RENEW_TOKEN);
      Instant sent = clock.now();
      runner.run(
          () -> service.join(newToken, who), outcome -> joined(gen, newToken, sent, outcome, true));
      return RtcCodes.ERR_OK;
    }
    Instant sent = clock.now();
    runner.run(
        () -> service.renew(newToken, who), outcome -> renewed(gen, newToken, sent, outcome));
    return RtcCodes.ERR_OK;
  }

  public int leaveChannel() {
    if (state == ConnectionState.DISCONNECTED) {
      return RtcCodes.ERR_OK;
    }
    generation++;
    cancelTimers();
    token = null;
    lastCheck = null;
    kickAt = null;
    changeState(ConnectionState.DISCONNECTED, RtcCodes.REASON_LEAVE_CHANNEL);
    handler.onLeaveChannel();
    return RtcCodes.ERR_OK;
  }

  /** Sandbox command: behave as if the token expired right now. */
  public void expireNow() {
    if (state == ConnectionState.CONNECTED) {
      kick();
    }
  }

  public ConnectionState state() {
    return state;
  }

  /** The token in effect, if joined. */
  public String token() {
    return token;
  }

  /** When the user will be kicked on this engine's clock, if connected. */
  public Instant kickAt() {
    return kickAt;
  }

  /** The last successful check: token and privilege expiries on the service's clock. */
  public RtcCheck lastCheck() {
    return lastCheck;
  }

  private int join(String newToken, RtcTokenQuery query) {
    if (newToken == null || newToken.isEmpty()) {
      return -RtcCodes.ERR_INVALID_ARGUMENT;
    }
    if (state != ConnectionState.DISCONNECTED && state != ConnectionState.FAILED) {
      return -RtcCodes.ERR_JOIN_CHANNEL_REJECTED;
    }
    generation++;
    cancelTimers();
    who = query;
    long gen = generation;
    changeState(ConnectionState.CONNECTING, RtcCodes.REASON_CONNECTING);
    Instant sent = clock.now();
    runner.run(
        () -> service.join(newToken, who), outcome -> joined(gen, newToken, sent, outcome, false));
    return RtcCodes.ERR_OK;
  }

  private void joined(
      long gen, String newToken, Instant sent, Outcome<RtcCheck> outcome, boolean rejoin) {
    if (gen != generation) {
      return;
    }
    RtcCheck check = outcome.successValue().orElse(null);
    if (check == null || !check.ok()) {
      int code = check == null ? RtcCodes.ERR_FAILED : check.code();
      changeState(ConnectionState.FAILED, failureReason(code));
      handler.onError(code, check == null ? outcome.describe() : check.reason());
      if (rejoin) {
        handler.onRenewTokenResult(newToken, code);
      }
      return;
    }
    accept(newToken, check, sent);
    changeState(ConnectionState.CONNECTED, RtcCodes.REASON_JOIN_SUCCESS);
    if (rejoin) {
      handler.onRenewTokenResult(newToken, RtcCodes.ERR_OK);
      handler.onRejoinChannelSuccess(who.channel(), who.identity());
    } else {
      handler.onJoinChannelSuccess(who.channel(), who.identity());
    }
  }

  private void renewed(long gen, String newToken, Instant sent, Outcome<RtcCheck> outcome) {
    if (gen != generation) {
      return;
    }
    RtcCheck check = outcome.successValue().orElse(null);
    if (check == null || !check.ok()) {
      int code = check == null ? RtcCodes.ERR_FAILED : check.code();
      handler.onError(code, check == null ? "renewToken: " + outcome.describe() : check.reason());
      handler.onRenewTokenResult(newToken, code);
      return;
    }
    if (state == ConnectionState.FAILED) {
      // Kicked while the renew was in flight: the good token brings the user back.
      changeState(ConnectionState.CONNECTING, RtcCodes.REASON_RENEW_TOKEN);
      accept(newToken, check, sent);
      changeState(ConnectionState.CONNECTED, RtcCodes.REASON_JOIN_SUCCESS);
      handler.onRenewTokenResult(newToken, RtcCodes.ERR_OK);
      handler.onRejoinChannelSuccess(who.channel(), who.identity());
      return;
    }
    accept(newToken, check, sent);
    handler.onRenewTokenResult(newToken, RtcCodes.ERR_OK);
  }

  private static int failureReason(int code) {
    switch (code) {
      case RtcCodes.ERR_TOKEN_EXPIRED:
        return RtcCodes.REASON_TOKEN_EXPIRED;
      case RtcCodes.ERR_INVALID_TOKEN:
        return RtcCodes.REASON_INVALID_TOKEN;
      default:
        return RtcCodes.REASON_JOIN_FAILED;
    }
  }

  /**
   * Takes the token and schedules will-expire and kick against the service's clock: a deadline the
   * service states as E is due at {@code sent + (E - serverTime)} on this clock, where {@code sent}
   * is when the check was sent (the service answered then), whatever this device's clock says.
   */
  private void accept(String newToken, RtcCheck check, Instant sent) {
    cancelTimers();
    token = newToken;
    lastCheck = check;
    Instant now = clock.now();
    Instant serverNow = check.serverTime() != null ? check.serverTime() : sent;
    Instant kickServer = check.tokenExpiresAt();
    Instant joinExpiry = check.privilegeExpiresAt().get("joinChannel");
    if (joinExpiry != null && (kickServer == null || joinExpiry.isBefore(kickServer))) {
      kickServer = joinExpiry;
    }
    if (kickServer == null) {
      return;
    }
    TreeSet<Instant> expiries = new TreeSet<>();
    expiries.add(kickServer);
    if (who.publisher()) {
      for (Map.Entry<String, Instant> e : check.privilegeExpiresAt().entrySet()) {
        if (e.getKey().startsWith("publish")
            && e.getValue().isAfter(serverNow)
            && e.getValue().isBefore(kickServer)) {
          expiries.add(e.getValue());
        }
      }
    }
    for (Instant expiry : expiries) {
      Instant local = sent.plus(Duration.between(serverNow, expiry));
      Instant warn = local.minus(WILL_EXPIRE_LEAD);
      timers.add(clock.schedule(warn.isBefore(now) ? now : warn, this::willExpire));
    }
    kickAt = sent.plus(Duration.between(serverNow, kickServer));
    timers.add(clock.schedule(kickAt, this::kick));
  }

  private void willExpire() {
    if (state == ConnectionState.CONNECTED) {
      handler.onTokenPrivilegeWillExpire(token);
    }
  }

  private void kick() {
    cancelTimers();
    kickAt = null;
    changeState(ConnectionState.FAILED, RtcCodes.REASON_TOKEN_EXPIRED);
    handler.onRequestToken();
  }

  private void cancelTimers() {
    for (SandboxClock.Scheduled t : timers) {
      t.cancel();
    }
    timers.clear();
  }

  private void changeState(ConnectionState next, int reason) {
    state = next;
    handler.onConnectionStateChanged(next, reason);
  }

  /** Deadlines currently scheduled (will-expire warnings and the kick), soonest first. */
  public List<Instant> deadlines() {
    List<Instant> out = new ArrayList<>();
    for (SandboxClock.Scheduled t : timers) {
      out.add(t.at());
    }
    Collections.sort(out);
    return out;
  }
}
