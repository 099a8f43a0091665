package dev.tokensandbox.client.porting;

import dev.tokensandbox.client.rtc2.ChannelMediaOptions;
import dev.tokensandbox.client.rtc2.Constants;
import dev.tokensandbox.client.rtc2.IRtcEngineEventHandler;
import dev.tokensandbox.client.rtc2.RtcEngine;

/**
 * The token part of an RTC app, written against the SDK's own API: join with a token from your
 * backend, renew it on {@code onTokenPrivilegeWillExpire}, get back in on {@code onRequestToken},
 * and say what went wrong when a renewal is refused.
 *
 * <p><b>Porting:</b> copy this class into your app and change the four {@code
 * dev.tokensandbox.client.rtc2} imports to {@code io.agora.rtc2}; nothing else changes (the build
 * compiles it both ways: {@code PortingSampleCompilesTest}). Register it as the engine's handler
 * ({@code config.mEventHandler = renewal} before {@code RtcEngine.create(config)}), then call
 * {@link #attach} with the engine and {@link #join}. It is written for SDK 4.6+; before 4.6 delete
 * {@link #onRenewTokenResult} (the SDK has no such callback); on 3.x also replace the body of
 * {@link #onRequestToken} with {@code leaveChannel()} and a new {@link #join}.
 */
public class TokenRenewal extends IRtcEngineEventHandler {
  /** Your backend's token route, e.g. {@code GET /rtc/:channel/publisher/uid/:uid/}. */
  public interface TokenServer {
    /** A fresh token for {@code uid} in {@code channelId}, or an exception saying why not. */
    String fetchToken(String channelId, int uid) throws Exception;
  }

  /** Where the class reports what happens (your log, a text view). */
  public interface Log {
    void say(String line);
  }

  private final TokenServer server;
  private final Log log;
  private RtcEngine engine;
  private String channelId;
  private int uid;

  public TokenRenewal(TokenServer server, Log log) {
    this.server = server;
    this.log = log;
  }

  /** The engine created with this object as its event handler. */
  public void attach(RtcEngine engine) {
    this.engine = engine;
  }

  /** Fetches a token and joins {@code channelId} as a broadcaster; 0 or the SDK's error. */
  public int join(String channelId, int uid) {
    this.channelId = channelId;
    this.uid = uid;
    String token = fetch("join");
    if (token == null) {
      return -Constants.ERR_FAILED;
    }
    ChannelMediaOptions options = new ChannelMediaOptions();
    options.clientRoleType = Constants.CLIENT_ROLE_BROADCASTER;
    options.channelProfile = Constants.CHANNEL_PROFILE_LIVE_BROADCASTING;
    return engine.joinChannel(token, channelId, uid, options);
  }

  public int leave() {
    return engine.leaveChannel();
  }

  @Override
  public void onJoinChannelSuccess(String channel, int uid, int elapsed) {
    log.say("joined " + channel + " as " + (uid & 0xFFFFFFFFL) + " in " + elapsed + " ms");
  }

  @Override
  public void onTokenPrivilegeWillExpire(String token) {
    renew("token expires in 30 s");
  }

  @Override
  public void onRequestToken() {
    renew("token expired");
  }

  /** SDK 4.6+ (delete this method for an older SDK, which has no such callback). */
  @Override
  public void onRenewTokenResult(String token, Constants.RenewTokenErrorCode code) {
    if (code == Constants.RenewTokenErrorCode.RENEW_TOKEN_SUCCESS) {
      log.say("token renewed");
    } else if (code != Constants.RenewTokenErrorCode.RENEW_TOKEN_CANCELED_BY_NEW_REQUEST) {
      log.say("renewal refused (" + code + "): check the token server's channel, uid and App ID");
    }
  }

  @Override
  public void onConnectionStateChanged(int state, int reason) {
    if (state == Constants.CONNECTION_STATE_FAILED
        && reason == Constants.CONNECTION_CHANGED_INVALID_TOKEN) {
      log.say("the token server's token was refused: check its App ID and certificate");
    }
  }

  @Override
  public void onError(int err) {
    if (err == Constants.ERR_TOKEN_EXPIRED || err == Constants.ERR_INVALID_TOKEN) {
      log.say("token error " + err);
    }
  }

  private void renew(String why) {
    String token = fetch(why);
    if (token != null) {
      int rc = engine.renewToken(token);
      if (rc < 0) {
        log.say("renewToken returned " + rc);
      }
    }
  }

  private String fetch(String why) {
    try {
      return server.fetchToken(channelId, uid);
    } catch (Exception e) {
      log.say(why + ": could not fetch a token: " + e.getMessage());
      return null;
    }
  }
}
