package dev.tokensandbox.client.backend;

/**
 * What an app asks its backend for when it wants an RTC token: channel, who (numeric uid or user
 * account), role and lifetimes. {@code null} lifetimes leave the backend's defaults; the four
 * privilege lifetimes are the Shengwang route's fine-grained options.
 */
public record RtcTokenQuery(
    String channel,
    long uid,
    String userAccount,
    boolean publisher,
    Integer expireSeconds,
    Integer joinChannelExpire,
    Integer pubAudioExpire,
    Integer pubVideoExpire,
    Integer pubDataStreamExpire) {

  public static RtcTokenQuery uid(String channel, long uid, boolean publisher, Integer expire) {
    return new RtcTokenQuery(channel, uid, null, publisher, expire, null, null, null, null);
  }

  public static RtcTokenQuery account(
      String channel, String account, boolean publisher, Integer expire) {
    return new RtcTokenQuery(channel, 0, account, publisher, expire, null, null, null, null);
  }

  /** The same query with a shorter join privilege than the publish privileges. */
  public RtcTokenQuery withJoinExpire(int seconds, int publishSeconds) {
    return new RtcTokenQuery(
        channel,
        uid,
        userAccount,
        publisher,
        expireSeconds,
        seconds,
        publishSeconds,
        publishSeconds,
        publishSeconds);
  }

  public boolean isAccount() {
    return userAccount != null;
  }

  /** The uid or account as text, as the engine and the provider compare it. */
  public String identity() {
    return isAccount() ? userAccount : Long.toString(uid);
  }
}
