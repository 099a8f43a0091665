package dev.tokensandbox.backend.tokens;

import java.time.Instant;
import java.util.List;

/** The AccessToken2 rules of {@link TokenLinter}: one run over one token. */
final class AccessToken2Lint {
  private static final java.util.regex.Pattern SIGNED_DIGITS =
      java.util.regex.Pattern.compile("-?\\d+");
  private final AccessToken2Info token;
  private final Instant now;
  private final List<LintWarning> out;

  AccessToken2Lint(AccessToken2Info token, Instant now, List<LintWarning> out) {
    this.token = token;
    this.now = now;
    this.out = out;
  }

  void run() {
    TokenLinter.issuedInFuture(token.issuedAt(), now, out);
    boolean tokenExpireUsable = checkUnits("token expire", token.expire());
    if (tokenExpireUsable) {
      TokenLinter.expiry("token", token.expiresAt(), now, out);
      if (token.expire() > TokenRules.MAX_EXPIRE_SECONDS) {
        out.add(
            new LintWarning(
                LintCode.LIFETIME_OVER_24H,
                "token lifetime " + TimeText.lifetime(token.expire()) + " is over 24 h"));
      }
    }
    for (ServiceInfo service : token.services()) {
      for (PrivilegeInfo p : service.privileges()) {
        privilege(service, p, tokenExpireUsable);
      }
      if (service.type() == ServiceInfo.RTC) {
        rtc(service);
      }
    }
  }

  private void privilege(ServiceInfo service, PrivilegeInfo p, boolean tokenExpireUsable) {
    String name = service.name() + "." + p.name();
    if (!checkUnits(name + " expire", p.expire())) {
      return;
    }
    if (p.expire() != 0 && p.expire() < token.expire()) {
      TokenLinter.expiry(name, token.privilegeExpiresAt(p), now, out);
    }
    if (tokenExpireUsable && p.expire() > token.expire()) {
      out.add(
          new LintWarning(
              LintCode.PRIVILEGE_OUTLIVES_TOKEN,
              name
                  + " lasts "
                  + p.expire()
                  + " s but the token expires after "
                  + token.expire()
                  + " s; the token's expiry wins"));
    }
  }

  private void rtc(ServiceInfo rtc) {
    long join = rtc.privilege(1).map(this::effectiveExpire).orElse(-1L);
    long latestPublish =
        rtc.privileges().stream()
            .filter(p -> p.id() >= 2 && p.id() <= 4)
            .mapToLong(this::effectiveExpire)
            .max()
            .orElse(-1L);
    if (join >= 0 && latestPublish > join) {
      out.add(
          new LintWarning(
              LintCode.JOIN_BEFORE_PUBLISH,
              "joinChannel lasts "
                  + join
                  + " s but a publish privilege lasts "
                  + latestPublish
                  + " s: the user is kicked at "
                  + join
                  + " s while still allowed to publish"));
    }
    String channel = rtc.field("channelName").orElse("");
    String uid = rtc.field("uid").orElse("");
    if (channel.isEmpty()) {
      out.add(
          new LintWarning(
              LintCode.WILDCARD_CHANNEL,
              "channel \"\" is the wildcard: the token opens every channel"));
    }
    if (uid.isEmpty()) {
      out.add(
          new LintWarning(
              LintCode.WILDCARD_UID,
              "uid \"\" is the wildcard (uid 0): any user may join with this token"));
    } else if ("0".equals(uid)) {
      out.add(
          new LintWarning(
              LintCode.ACCOUNT_ZERO,
              "the token is for user account \"0\", not the wildcard uid 0 (written \"\"):"
                  + " a client joining with uid 0 does not match it"));
    } else if (SIGNED_DIGITS.matcher(uid).matches()) {
      if (uid.startsWith("-")
          || uid.length() > 10
          || Long.parseLong(uid) > TokenRules.MAX_UID
          || uid.startsWith("0")) {
        out.add(
            new LintWarning(
                LintCode.UID_NOT_UINT32,
                "uid \""
                    + uid
                    + "\" is not an unsigned 32-bit uid as the SDK writes it"
                    + " (a uid above 2^31 passed through a signed int?)"));
      }
    } else {
      out.add(
          new LintWarning(
              LintCode.USER_ACCOUNT,
              "the token is for user account \"" + uid + "\", not a numeric uid"));
    }
  }

  /** A privilege expiry of 0 has no limit of its own: the token's applies. */
  private long effectiveExpire(PrivilegeInfo p) {
    return p.expire() == 0 ? token.expire() : p.expire();
  }

  /** Flags absolute timestamps and milliseconds; returns false when the value is unusable. */
  private boolean checkUnits(String what, long value) {
    if (TokenLinter.expireLooksAbsolute(value)) {
      out.add(
          new LintWarning(
              LintCode.EXPIRE_LOOKS_ABSOLUTE,
              what
                  + " "
                  + value
                  + " looks like an absolute timestamp ("
                  + Instant.ofEpochSecond(value)
                  + "); AccessToken2 wants seconds after issue"));
      return false;
    }
    if (TokenLinter.expireLooksMillis(value)) {
      out.add(
          new LintWarning(
              LintCode.EXPIRE_LOOKS_MILLIS,
              what + " " + value + " looks like milliseconds (" + value / 1000 + " s)"));
      return false;
    }
    return true;
  }
}
