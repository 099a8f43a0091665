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

  /** The official builders draw the salt from 1..99,999,999. */
  public static final int MAX_RANDOM_SALT = 99_999_999;

  /** The largest salt the wire carries (unsigned 32-bit). */
  public static final long MAX_SALT = 0xFFFF_FFFFL;

  /** The FPA builder's fixed lifetime. */
  public static final int FPA_LIFETIME = 24 * 3600;

  private final AgoraCredentials credentials;
  private final Clock clock;
  private final RandomGenerator random;
  private final Long fixedSalt;

  public AgoraTokenIssuer(AgoraCredentials credentials, Clock clock, RandomGenerator random) {
    this(credentials, clock, random, null);
  }

  private AgoraTokenIssuer(
      AgoraCredentials credentials, Clock clock, RandomGenerator random, Long fixedSalt) {
    this.credentials = credentials;
    this.clock = clock;
    this.random = random;
    this.fixedSalt = fixedSalt;
  }

  /**
   * This issuer with a fixed issue time and/or salt (null keeps the clock / the random salt): the
   * same inputs then give the same token byte for byte, so a bug report's token can be re-issued.
   */
  public AgoraTokenIssuer reproducing(Instant issuedAt, Long salt) {
    if (salt != null && (salt < 1 || salt > MAX_SALT)) {
      throw new InvalidTokenRequestException("salt", "must be 1..4294967295, got " + salt);
    }
    if (issuedAt != null
        && (issuedAt.getEpochSecond() < 0 || issuedAt.getEpochSecond() > MAX_SALT)) {
      throw new InvalidTokenRequestException(
          "issuedAt", "must be a Unix time in seconds 0..4294967295, got " + issuedAt);
    }
    Clock fixedClock = issuedAt == null ? clock : Clock.fixed(issuedAt, clock.getZone());
    return new AgoraTokenIssuer(credentials, fixedClock, random, salt != null ? salt : fixedSalt);
  }

  public AgoraCredentials credentials() {
    return credentials;
  }

  /** An RTC AccessToken2 (007) for the request's channel, user and privileges. */
  public IssuedToken rtc(RtcTokenRequest request) {
    AccessToken2 token = accessToken2(request.tokenExpireSeconds());
    token.addService(rtcService(request));
    return build(token);
  }

  /** The RTC service of {@code request}: its channel, user and each privilege's lifetime. */
  private static AccessToken2.ServiceRtc rtcService(RtcTokenRequest request) {
    AccessToken2.ServiceRtc service =
        new AccessToken2.ServiceRtc(request.channel(), request.user().tokenValue());
    request
        .privileges()
        .forEach((privilege, seconds) -> service.privileges.put((short) privilege.id(), seconds));
    return service;
  }

  /** An RTM AccessToken2 (007) letting {@code userId} log in. */
  public IssuedToken rtm(String userId, int expireSeconds) {
    TokenRules.account("userId", userId);
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    token.addService(rtmLogin(userId, expireSeconds));
    return build(token);
  }

  /** The RTM service letting {@code userId} log in for {@code seconds}. */
  private static AccessToken2.ServiceRtm rtmLogin(String userId, int seconds) {
    AccessToken2.ServiceRtm service = new AccessToken2.ServiceRtm(userId);
    service.addPrivilegeRtm(AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, seconds);
    return service;
  }

  /** A Chat user token (007) for {@code userId}. */
  public IssuedToken chatUser(String userId, int expireSeconds) {
    TokenRules.account("userId", userId);
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    token.addService(chatUserService(userId, expireSeconds));
    return build(token);
  }

  /** The Chat service with the user privilege for {@code userId} for {@code seconds}. */
  private static AccessToken2.ServiceChat chatUserService(String userId, int seconds) {
    AccessToken2.ServiceChat service = new AccessToken2.ServiceChat(userId);
    service.addPrivilegeChat(AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_USER, seconds);
    return service;
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
   * RTC and RTM in one token, as {@code RtcTokenBuilder2.buildTokenWithRtm} (RTM user = the RTC
   * account, RTM login for the token's lifetime) and {@code buildTokenWithRtm2} (any RTM user and
   * lifetime) build it.
   */
  public IssuedToken rtcWithRtm(RtcTokenRequest request, String rtmUserId, int rtmExpireSeconds) {
    TokenRules.account("rtmUserId", rtmUserId);
    TokenRules.expire("rtmExpireSeconds", rtmExpireSeconds);
    AccessToken2 token = accessToken2(request.tokenExpireSeconds());
    token.addService(rtcService(request));
    token.addService(rtmLogin(rtmUserId, rtmExpireSeconds));
    return build(token);
  }

  /**
   * An APaaS (Flexible Classroom) room-user token, as {@code ApaasTokenBuilder.buildRoomUserToken}
   * builds it: the APaaS service (room, user, role), RTM login for the user and a Chat user
   * privilege for the MD5 of the user id.
   */
  public IssuedToken apaasRoomUser(
      String roomUuid, String userUuid, short role, int expireSeconds) {
    TokenRules.account("roomUuid", roomUuid);
    TokenRules.account("userUuid", userUuid);
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    token.addService(new AccessToken2.ServiceApaas(roomUuid, userUuid, role));
    token.addService(rtmLogin(userUuid, expireSeconds));
    token.addService(chatUserService(io.agora.media.Utils.md5(userUuid), expireSeconds));
    return build(token);
  }

  /** An APaaS user token ({@code ApaasTokenBuilder.buildUserToken}). */
  public IssuedToken apaasUser(String userUuid, int expireSeconds) {
    TokenRules.account("userUuid", userUuid);
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    AccessToken2.ServiceApaas service = new AccessToken2.ServiceApaas(userUuid);
    service.addPrivilegeApaas(AccessToken2.PrivilegeApaas.PRIVILEGE_USER, expireSeconds);
    token.addService(service);
    return build(token);
  }

  /** An APaaS app token ({@code ApaasTokenBuilder.buildAppToken}). */
  public IssuedToken apaasApp(int expireSeconds) {
    AccessToken2 token = accessToken2(TokenRules.expire("expireSeconds", expireSeconds));
    AccessToken2.ServiceApaas service = new AccessToken2.ServiceApaas();
    service.addPrivilegeApaas(AccessToken2.PrivilegeApaas.PRIVILEGE_APP, expireSeconds);
    token.addService(service);
    return build(token);
  }

  /**
   * An FPA token ({@code FpaTokenBuilder.buildToken}): 24 h, the login privilege with expiry 0 (no
   * privilege-level limit).
   */
  public IssuedToken fpa() {
    AccessToken2 token = accessToken2(FPA_LIFETIME);
    AccessToken2.ServiceFpa service = new AccessToken2.ServiceFpa();
    service.addPrivilegeFpa(AccessToken2.PrivilegeFpa.PRIVILEGE_LOGIN, 0);
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
        Instant.ofEpochSecond((long) token.issueTs + token.expire),
        token.salt);
  }

  private IssuedToken buildLegacy(AccessToken token, long issuedAt, long expiresAt) {
    String built;
    try {
      built = token.build();
    } catch (Exception e) {
      throw new IllegalStateException("AccessToken build failed", e);
    }
    return checked(
        built,
        Instant.ofEpochSecond(issuedAt),
        Instant.ofEpochSecond(expiresAt),
        token.message.salt);
  }

  private static IssuedToken checked(
      String built, Instant issuedAt, Instant expiresAt, int librarySalt) {
    if (built == null || built.isEmpty()) {
      // The official library answers "" instead of failing when its inputs are unusable.
      throw new IllegalStateException("the Agora library returned an empty token");
    }
    return new IssuedToken(built, issuedAt, expiresAt, Integer.toUnsignedLong(librarySalt));
  }

  private long nowSeconds() {
    return clock.instant().getEpochSecond();
  }

  /** The salt as the library's int field holds it (a salt above 2^31 wraps; the wire is u32). */
  private int salt() {
    return fixedSalt != null ? (int) (long) fixedSalt : random.nextInt(1, MAX_RANDOM_SALT + 1);
  }
}
