package dev.tokensandbox.backend.tokens;

import io.agora.media.AccessToken;
import io.agora.media.AccessToken2;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Issues Agora/Shengwang tokens with Agora's official {@code io.agora:authentication} library.
 *
 * <p>The library's builders read the system clock and a random salt; this issuer builds the same
 * {@link AccessToken2}/{@link AccessToken} objects the builders build, then sets issue time and
 * salt from the injected clock and random source, so tests and virtual time are deterministic.
 */
public final class AgoraTokenIssuer {
  /** 006 tokens carry an absolute message expiry 24 h after issue, as the official builder does. */
  private static final int LEGACY_MESSAGE_LIFETIME = 24 * 3600;

  private final AgoraCredentials credentials;
  private final Clock clock;
  private final RandomGenerator random;

  public AgoraTokenIssuer(AgoraCredentials credentials, Clock clock, RandomGenerator random) {
    this.credentials = credentials;
    this.clock = clock;
    this.random = random;
  }

  public AgoraCredentials credentials() {
    return credentials;
  }

  /** An RTC AccessToken2 (007) for the request's channel, user and privileges. */
  public IssuedToken rtc(RtcTokenRequest request) {
    AccessToken2 token = accessToken2(request.tokenExpireSeconds());
    AccessToken2.ServiceRtc service =
        new AccessToken2.ServiceRtc(request.channel(), request.user().tokenValue());
    request
        .privileges()
        .forEach((privilege, seconds) -> service.privileges.put((short) privilege.id(), seconds));
    token.addService(service);
    return build(token);
  }

  /** An RTM AccessToken2 (007) letting {@code userId} log in. */
  public IssuedToken rtm(String userId, int expireSeconds) {
    TokenRules.account("userId", userId);
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    AccessToken2.ServiceRtm service = new AccessToken2.ServiceRtm(userId);
    service.addPrivilegeRtm(AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, expireSeconds);
    token.addService(service);
    return build(token);
  }

  /** A Chat user token (007) for {@code userId}. */
  public IssuedToken chatUser(String userId, int expireSeconds) {
    TokenRules.account("userId", userId);
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    AccessToken2.ServiceChat service = new AccessToken2.ServiceChat(userId);
    service.addPrivilegeChat(AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_USER, expireSeconds);
    token.addService(service);
    return build(token);
  }

  /** A Chat app token (007): the server-side token for Chat REST calls. */
  public IssuedToken chatApp(int expireSeconds) {
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    AccessToken2.ServiceChat service = new AccessToken2.ServiceChat();
    service.addPrivilegeChat(AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_APP, expireSeconds);
    token.addService(service);
    return build(token);
  }

  /**
   * A legacy AccessToken v1 (006) RTC token, as the Gin-era tutorial issues. Privilege expiries in
   * 006 are absolute Unix timestamps; this converts the request's relative lifetimes.
   */
  public IssuedToken legacyRtc(RtcTokenRequest request) {
    long now = nowSeconds();
    AccessToken token = legacyToken(request.channel(), request.user().tokenValue(), now);
    for (Map.Entry<RtcPrivilege, Integer> entry : request.privileges().entrySet()) {
      token.message.messages.put((short) entry.getKey().id(), (int) (now + entry.getValue()));
    }
    return buildLegacy(token, now, now + request.tokenExpireSeconds());
  }

  /** A legacy AccessToken v1 (006) RTM login token. */
  public IssuedToken legacyRtm(String userId, int expireSeconds) {
    TokenRules.account("userId", userId);
    TokenRules.expire("expireSeconds", expireSeconds);
    long now = nowSeconds();
    AccessToken token = legacyToken(userId, "", now);
    token.addPrivilege(AccessToken.Privileges.kRtmLogin, (int) (now + expireSeconds));
    return buildLegacy(token, now, now + expireSeconds);
  }

  private AccessToken2 accessToken2(int expireSeconds) {
    AccessToken2 token = new AccessToken2();
    token.appId = credentials.appId();
    token.appCert = credentials.appCertificate();
    token.expire = expireSeconds;
    token.issueTs = (int) nowSeconds();
    token.salt = salt();
    return token;
  }

  private AccessToken legacyToken(String channel, String uid, long now) {
    AccessToken token =
        new AccessToken(credentials.appId(), credentials.appCertificate(), channel, uid);
    token.message.salt = salt();
    token.message.ts = (int) (now + LEGACY_MESSAGE_LIFETIME);
    return token;
  }

  private IssuedToken build(AccessToken2 token) {
    String built;
    try {
      built = token.build();
    } catch (Exception e) {
      throw new IllegalStateException("AccessToken2 build failed", e);
    }
    return checked(
        built,
        Instant.ofEpochSecond(token.issueTs),
        Instant.ofEpochSecond((long) token.issueTs + token.expire));
  }

  private IssuedToken buildLegacy(AccessToken token, long issuedAt, long expiresAt) {
    String built;
    try {
      built = token.build();
    } catch (Exception e) {
      throw new IllegalStateException("AccessToken build failed", e);
    }
    return checked(built, Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(expiresAt));
  }

  private static IssuedToken checked(String built, Instant issuedAt, Instant expiresAt) {
    if (built == null || built.isEmpty()) {
      // The official library answers "" instead of failing when its inputs are unusable.
      throw new IllegalStateException("the Agora library returned an empty token");
    }
    return new IssuedToken(built, issuedAt, expiresAt);
  }

  private long nowSeconds() {
    return clock.instant().getEpochSecond();
  }

  private int salt() {
    return random.nextInt(1, Integer.MAX_VALUE);
  }
}
