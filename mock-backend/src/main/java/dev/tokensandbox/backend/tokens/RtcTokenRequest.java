package dev.tokensandbox.backend.tokens;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an RTC token should grant: a channel ("" = any channel), a user, a token lifetime and a
 * lifetime per privilege, all in seconds from the issue time.
 *
 * <p>Use {@link #forRole} for the standard builder behaviour (publisher: join and the three publish
 * privileges; subscriber: join only) and {@link #withPrivileges} for fine-grained tokens.
 */
public record RtcTokenRequest(
    String channel, RtcUser user, int tokenExpireSeconds, Map<RtcPrivilege, Integer> privileges) {

  public RtcTokenRequest {
    TokenRules.channel("channelName", channel, true);
    if (user == null) {
      throw new InvalidTokenRequestException("uid", "is required");
    }
    TokenRules.expire("expireSeconds", tokenExpireSeconds);
    if (privileges == null || !privileges.containsKey(RtcPrivilege.JOIN_CHANNEL)) {
      throw new InvalidTokenRequestException("privileges", "must include joinChannel");
    }
    EnumMap<RtcPrivilege, Integer> copy = new EnumMap<>(RtcPrivilege.class);
    privileges.forEach(
        (privilege, seconds) ->
            copy.put(privilege, TokenRules.expire(privilege.wireName() + "Expire", seconds)));
    privileges = Collections.unmodifiableMap(copy);
  }

  /** The standard token: every privilege of the role lives {@code privilegeExpireSeconds}. */
  public static RtcTokenRequest forRole(
      String channel,
      RtcUser user,
      RtcRole role,
      int tokenExpireSeconds,
      int privilegeExpireSeconds) {
    EnumMap<RtcPrivilege, Integer> privileges = new EnumMap<>(RtcPrivilege.class);
    for (RtcPrivilege privilege : RtcPrivilege.values()) {
      if (role == RtcRole.PUBLISHER || !privilege.isPublish()) {
        privileges.put(privilege, privilegeExpireSeconds);
      }
    }
    return new RtcTokenRequest(channel, user, tokenExpireSeconds, privileges);
  }

  /** A fine-grained token: only the given privileges, each with its own lifetime. */
  public static RtcTokenRequest withPrivileges(
      String channel, RtcUser user, int tokenExpireSeconds, Map<RtcPrivilege, Integer> privileges) {
    return new RtcTokenRequest(channel, user, tokenExpireSeconds, privileges);
  }

  /** Publisher when any publish privilege is granted. */
  public RtcRole role() {
    return privileges.keySet().stream().anyMatch(RtcPrivilege::isPublish)
        ? RtcRole.PUBLISHER
        : RtcRole.SUBSCRIBER;
  }
}
