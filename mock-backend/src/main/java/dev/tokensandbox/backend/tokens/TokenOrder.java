package dev.tokensandbox.backend.tokens;

import java.time.Instant;
import java.util.List;

/**
 * A token as the official builders make it, by kind, with an optional fixed issue time and salt:
 * what {@code POST /sandbox/tokens} and the Issue screen's "Any token" form ask for. The fields a
 * kind does not use are ignored; the ones it needs are checked with {@link TokenRules} (a broken
 * rule names the field).
 *
 * @param userId the RTM/Chat user, the RTM user of {@code rtc-rtm} (default: the RTC user), or the
 *     APaaS user UUID
 */
public record TokenOrder(
    String kind,
    String channelName,
    RtcUser user,
    RtcRole role,
    int expireSeconds,
    Integer privilegeExpireSeconds,
    String userId,
    Integer rtmExpireSeconds,
    String roomUuid,
    Short apaasRole,
    Instant issuedAt,
    Long salt) {

  /** The kinds, in the order the forms list them. */
  public static final List<String> KINDS =
      List.of(
          "rtc",
          "rtc-rtm",
          "rtm",
          "chat-user",
          "chat-app",
          "apaas-room",
          "apaas-user",
          "apaas-app",
          "fpa");

  public TokenOrder {
    if (kind == null || !KINDS.contains(kind)) {
      throw new InvalidTokenRequestException("kind", "must be one of " + String.join(", ", KINDS));
    }
  }

  /** Issues the token with {@code issuer}, at the fixed issue time and salt if there are any. */
  public IssuedToken issue(AgoraTokenIssuer issuer) {
    AgoraTokenIssuer at = issuer.reproducing(issuedAt, salt);
    return switch (kind) {
      case "rtc" -> at.rtc(rtcRequest());
      case "rtc-rtm" -> {
        RtcTokenRequest request = rtcRequest();
        yield at.rtcWithRtm(
            request,
            userId == null || userId.isEmpty() ? request.user().tokenValue() : userId,
            rtmExpireSeconds != null ? rtmExpireSeconds : expireSeconds);
      }
      case "rtm" -> at.rtm(required("userId", userId), expireSeconds);
      case "chat-user" -> at.chatUser(required("userId", userId), expireSeconds);
      case "chat-app" -> at.chatApp(expireSeconds);
      case "apaas-room" ->
          at.apaasRoomUser(
              required("roomUuid", roomUuid),
              required("userId", userId),
              apaasRole == null ? -1 : apaasRole,
              expireSeconds);
      case "apaas-user" -> at.apaasUser(required("userId", userId), expireSeconds);
      case "apaas-app" -> at.apaasApp(expireSeconds);
      default -> at.fpa();
    };
  }

  /** Who the token is for, as the history names it. */
  public String subject() {
    return switch (kind) {
      case "rtc", "rtc-rtm" -> user == null ? "" : user.tokenValue();
      case "chat-app", "apaas-app", "fpa" -> "";
      default -> userId == null ? "" : userId;
    };
  }

  private RtcTokenRequest rtcRequest() {
    if (user == null) {
      throw new InvalidTokenRequestException("uid", "give a uid or a userAccount");
    }
    return RtcTokenRequest.forRole(
        channelName == null ? "" : channelName,
        user,
        role == null ? RtcRole.PUBLISHER : role,
        expireSeconds,
        privilegeExpireSeconds != null ? privilegeExpireSeconds : expireSeconds);
  }

  private static String required(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidTokenRequestException(field, "is required for this kind");
    }
    return value;
  }
}
