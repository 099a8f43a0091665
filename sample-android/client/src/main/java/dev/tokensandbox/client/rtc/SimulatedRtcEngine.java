package dev.tokensandbox.client.rtc;

import static dev.tokensandbox.client.rtc2.Constants.*;

import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcCheck;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc2.ChannelMediaOptions;
import dev.tokensandbox.client.rtc2.Constants.RenewTokenErrorCode;
import dev.tokensandbox.client.rtc2.IRtcEngineEventHandler;
import dev.tokensandbox.client.rtc2.RtcEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An {@link RtcEngine} that behaves like the Agora SDK from the app's side, without media. Tokens
 * are checked by an {@link RtcService} (the mock backend's provider routes), so signature, App ID,
 * channel, uid and expiry rules are the service's. On a successful check the engine schedules, on
 * its clock and relative to the service's own time:
 *
 * <ul>
 *   <li>{@code onTokenPrivilegeWillExpire} 30 s before each expiry that matters (token, join
 *       privilege and, for a broadcaster, the publish privileges), at once when less remains;
 *   <li>at the earlier of token and join-privilege expiry: {@code onConnectionStateChanged(FAILED,
 *       TOKEN_EXPIRED)} then {@code onRequestToken} — the user is out.
 * </ul>
 *
 * Callback order, as the SDK's: a join is {@code (CONNECTING, CONNECTING)}, then for a user account
 * {@code onLocalUserRegistered}, then {@code (CONNECTED, JOIN_SUCCESS)} and {@code
 * onJoinChannelSuccess}; a refused token is {@code (FAILED, INVALID_TOKEN|TOKEN_EXPIRED)} then
 * {@code onError}. {@code renewToken} while connected moves every deadline (a refused token raises
 * {@code onError} and leaves the old deadlines standing). What happens after the kick, and whether
 * {@code onRenewTokenResult} is called, is the engine's {@link SdkProfile}. Confined to its clock's
 * thread, like every part of the core.
 */
public final class SimulatedRtcEngine extends RtcEngine {
  public static final Duration WILL_EXPIRE_LEAD = Duration.ofSeconds(30);

  private final SandboxClock clock;
  private final RtcService service;
  private final CallRunner runner;
  private final IRtcEngineEventHandler handler;
  private final SdkProfile profile;
  private final List<SandboxClock.Scheduled> timers = new ArrayList<>();

  private int state = CONNECTION_STATE_DISCONNECTED;
  private int role = CLIENT_ROLE_BROADCASTER;
  private RtcTokenQuery who;
  private int localUid;
  private String token;
  private RtcCheck lastCheck;
  private String lastErrorReason = "";
  private Instant joinedAt;
  private Instant kickAt;
  private long generation;
  private long renewals;

  public SimulatedRtcEngine(
      SandboxClock clock,
      RtcService service,
      CallRunner runner,
      IRtcEngineEventHandler handler,
      SdkProfile profile) {
    this.clock = clock;
    this.service = service;
    this.runner = runner;
    this.handler = handler;
    this.profile = profile;
  }

  /** An engine of the newest SDK generation ({@link SdkProfile#V4_6}). */
  public SimulatedRtcEngine(
      SandboxClock clock, RtcService service, CallRunner runner, IRtcEngineEventHandler handler) {
    this(clock, service, runner, handler, SdkProfile.V4_6);
  }

  @Override
  public int setClientRole(int role) {
    if (role != CLIENT_ROLE_BROADCASTER && role != CLIENT_ROLE_AUDIENCE) {
      return -ERR_INVALID_ARGUMENT;
    }
    this.role = role;
    return ERR_OK;
  }

  @Override
  public int joinChannel(String token, String channelId, int uid, ChannelMediaOptions options) {
    int rc = applyOptions(options);
    if (rc != ERR_OK) {
      return rc;
    }
    return join(
        token, RtcTokenQuery.uid(channelId, Integer.toUnsignedLong(uid), publisher(), null), uid);
  }

  @Override
  public int joinChannel(String token, String channelId, String optionalInfo, int uid) {
    return joinChannel(token, channelId, uid, null);
  }

  @Override
  public int joinChannelWithUserAccount(String token, String channelId, String userAccount) {
    return joinChannelWithUserAccount(token, channelId, userAccount, null);
  }

  @Override
  public int joinChannelWithUserAccount(
      String token, String channelId, String userAccount, ChannelMediaOptions options) {
    if (userAccount == null || userAccount.isEmpty()) {
      return -ERR_INVALID_ARGUMENT;
    }
    int rc = applyOptions(options);
    if (rc != ERR_OK) {
      return rc;
    }
    return join(token, RtcTokenQuery.account(channelId, userAccount, publisher(), null), 0);
  }

  @Override
  public int renewToken(String newToken) {
    if (newToken == null || newToken.isEmpty()) {
      return -ERR_INVALID_ARGUMENT;
    }
    if (state == CONNECTION_STATE_DISCONNECTED || state == CONNECTION_STATE_CONNECTING) {
      return -ERR_NOT_IN_CHANNEL;
    }
    long gen = generation;
    long seq = ++renewals;
    Instant sent = clock.now();
    if (state == CONNECTION_STATE_FAILED) {
      if (!profile.renewRejoins()) {
        return -ERR_NOT_IN_CHANNEL;
      }
      changeState(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGED_RENEW_TOKEN);
      runner.run(
          () -> service.join(newToken, who), outcome -> joined(gen, newToken, sent, outcome, true));
      return ERR_OK;
    }
    runner.run(
        () -> service.renew(newToken, who), outcome -> renewed(gen, seq, newToken, sent, outcome));
    return ERR_OK;
  }

  @Override
  public int leaveChannel() {
    if (state == CONNECTION_STATE_DISCONNECTED) {
      return ERR_OK;
    }
    generation++;
    cancelTimers();
    IRtcEngineEventHandler.RtcStats stats = new IRtcEngineEventHandler.RtcStats();
    if (joinedAt != null) {
      stats.totalDuration = (int) Duration.between(joinedAt, clock.now()).getSeconds();
      stats.users = 1;
    }
    token = null;
    lastCheck = null;
    kickAt = null;
    joinedAt = null;
    changeState(CONNECTION_STATE_DISCONNECTED, CONNECTION_CHANGED_LEAVE_CHANNEL);
    handler.onLeaveChannel(stats);
    return ERR_OK;
  }

  /** Sandbox command: behave as if the token expired right now. */
  public void expireNow() {
    if (state == CONNECTION_STATE_CONNECTED) {
      kick();
    }
  }

  public SdkProfile profile() {
    return profile;
  }

  /** A {@code CONNECTION_STATE_*} value. */
  public int connectionState() {
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

  /**
   * Why the service refused the last token (a sandbox extension: the SDK's {@code onError} carries
   * only the code). Read it in {@code onError}.
   */
  public String lastErrorReason() {
    return lastErrorReason;
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

  private boolean publisher() {
    return role == CLIENT_ROLE_BROADCASTER;
  }

  private int applyOptions(ChannelMediaOptions options) {
    if (options != null && options.clientRoleType != null) {
      return setClientRole(options.clientRoleType);
    }
    return ERR_OK;
  }

  private int join(String newToken, RtcTokenQuery query, int uid) {
    if (newToken == null || newToken.isEmpty()) {
      return -ERR_INVALID_ARGUMENT;
    }
    if (state != CONNECTION_STATE_DISCONNECTED && state != CONNECTION_STATE_FAILED) {
      return -ERR_JOIN_CHANNEL_REJECTED;
    }
    generation++;
    cancelTimers();
    who = query;
    localUid = uid != 0 ? uid : assignedUid(query);
    long gen = generation;
    changeState(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGED_CONNECTING);
    Instant sent = clock.now();
    runner.run(
        () -> service.join(newToken, who), outcome -> joined(gen, newToken, sent, outcome, false));
    return ERR_OK;
  }

  /**
   * The number the service gives a user account or uid 0: the SDK's is the server's choice; the
   * sandbox's is derived from the account so it is the same on every run.
   */
  private static int assignedUid(RtcTokenQuery q) {
    int h = (q.channel() + "/" + q.identity()).hashCode();
    return 100_000 + Math.floorMod(h, 900_000_000);
  }

  private void joined(
      long gen, String newToken, Instant sent, Outcome<RtcCheck> outcome, boolean rejoin) {
    if (gen != generation) {
      return;
    }
    RtcCheck check = outcome.successValue().orElse(null);
    if (check == null || !check.ok()) {
      int code = check == null ? ERR_FAILED : check.code();
      lastErrorReason = check == null ? outcome.describe() : check.reason();
      changeState(CONNECTION_STATE_FAILED, failureReason(code));
      handler.onError(code);
      if (rejoin && profile.reportsRenewResult()) {
        handler.onRenewTokenResult(newToken, renewResult(code));
      }
      return;
    }
    accept(newToken, check, sent);
    if (!rejoin) {
      joinedAt = clock.now();
      if (who.isAccount()) {
        handler.onLocalUserRegistered(localUid, who.userAccount());
      }
    }
    changeState(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGED_JOIN_SUCCESS);
    int elapsed = (int) Duration.between(sent, clock.now()).toMillis();
    if (rejoin) {
      if (profile.reportsRenewResult()) {
        handler.onRenewTokenResult(newToken, RenewTokenErrorCode.RENEW_TOKEN_SUCCESS);
      }
      handler.onRejoinChannelSuccess(who.channel(), localUid, elapsed);
    } else {
      handler.onJoinChannelSuccess(who.channel(), localUid, elapsed);
    }
  }

  private void renewed(
      long gen, long seq, String newToken, Instant sent, Outcome<RtcCheck> outcome) {
    if (gen != generation) {
      return;
    }
    if (seq != renewals) {
      // A later renewToken call overtook this one: the SDK drops the older request.
      if (profile.reportsRenewResult()) {
        handler.onRenewTokenResult(
            newToken, RenewTokenErrorCode.RENEW_TOKEN_CANCELED_BY_NEW_REQUEST);
      }
      return;
    }
    RtcCheck check = outcome.successValue().orElse(null);
    if (check == null || !check.ok()) {
      int code = check == null ? ERR_FAILED : check.code();
      lastErrorReason = check == null ? "renewToken: " + outcome.describe() : check.reason();
      handler.onError(code);
      if (profile.reportsRenewResult()) {
        handler.onRenewTokenResult(newToken, renewResult(code));
      }
      return;
    }
    if (state == CONNECTION_STATE_FAILED) {
      if (!profile.renewRejoins()) {
        return; // Kicked while the renewal was in flight: a 3.x app must join again.
      }
      // Kicked while the renewal was in flight: the good token brings the user back.
      changeState(CONNECTION_STATE_CONNECTING, CONNECTION_CHANGED_RENEW_TOKEN);
      accept(newToken, check, sent);
      changeState(CONNECTION_STATE_CONNECTED, CONNECTION_CHANGED_JOIN_SUCCESS);
      if (profile.reportsRenewResult()) {
        handler.onRenewTokenResult(newToken, RenewTokenErrorCode.RENEW_TOKEN_SUCCESS);
      }
      handler.onRejoinChannelSuccess(
          who.channel(), localUid, (int) Duration.between(sent, clock.now()).toMillis());
      return;
    }
    accept(newToken, check, sent);
    if (profile.reportsRenewResult()) {
      handler.onRenewTokenResult(newToken, RenewTokenErrorCode.RENEW_TOKEN_SUCCESS);
    }
  }

  private static int failureReason(int code) {
    switch (code) {
      case ERR_TOKEN_EXPIRED:
        return CONNECTION_CHANGED_TOKEN_EXPIRED;
      case ERR_INVALID_TOKEN:
        return CONNECTION_CHANGED_INVALID_TOKEN;
      case ERR_INVALID_APP_ID:
        return CONNECTION_CHANGED_INVALID_APP_ID;
      case ERR_INVALID_CHANNEL_NAME:
        return CONNECTION_CHANGED_INVALID_CHANNEL_NAME;
      default:
        return CONNECTION_CHANGED_JOIN_FAILED;
    }
  }

  /** The service's error code as an {@code onRenewTokenResult} code. */
  static RenewTokenErrorCode renewResult(int code) {
    switch (code) {
      case ERR_OK:
        return RenewTokenErrorCode.RENEW_TOKEN_SUCCESS;
      case ERR_TOKEN_EXPIRED:
        return RenewTokenErrorCode.RENEW_TOKEN_TOKEN_EXPIRED;
      case ERR_INVALID_TOKEN:
        return RenewTokenErrorCode.RENEW_TOKEN_INVALID_TOKEN;
      case ERR_INVALID_CHANNEL_NAME:
        return RenewTokenErrorCode.RENEW_TOKEN_INVALID_CHANNEL_NAME;
      case ERR_INVALID_APP_ID:
        return RenewTokenErrorCode.RENEW_TOKEN_INCONSISTENT_APPID;
      default:
        return RenewTokenErrorCode.RENEW_TOKEN_FAILURE;
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
    if (state == CONNECTION_STATE_CONNECTED) {
      handler.onTokenPrivilegeWillExpire(token);
    }
  }

  private void kick() {
    cancelTimers();
    kickAt = null;
    changeState(CONNECTION_STATE_FAILED, CONNECTION_CHANGED_TOKEN_EXPIRED);
    handler.onRequestToken();
  }

  private void cancelTimers() {
    for (SandboxClock.Scheduled t : timers) {
      t.cancel();
    }
    timers.clear();
  }

  private void changeState(int next, int reason) {
    state = next;
    handler.onConnectionStateChanged(next, reason);
  }
}
