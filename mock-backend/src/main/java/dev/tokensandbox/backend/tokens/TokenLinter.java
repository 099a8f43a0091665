package dev.tokensandbox.backend.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the token mistakes that break real integrations (docs/design.md §3): expiry problems,
 * privilege lifetimes that contradict each other, unit mix-ups, wildcards, legacy formats and clock
 * skew.
 */
public final class TokenLinter {
  /** The SDK fires onTokenPrivilegeWillExpire this long before expiry. */
  public static final Duration WILL_EXPIRE_WINDOW = Duration.ofSeconds(30);

  /** Anything this large in a seconds field is a Unix timestamp (2001-09-09 onwards). */
  public static final long ABSOLUTE_THRESHOLD = 1_000_000_000L;

  /** An AccessToken2 lifetime (seconds after issue) this large is an absolute Unix time. */
  public static boolean expireLooksAbsolute(long expire) {
    return expire >= ABSOLUTE_THRESHOLD;
  }

  /** An AccessToken2 lifetime over 24 h that is a whole number of seconds up to 24 h times 1000. */
  public static boolean expireLooksMillis(long expire) {
    return expire > TokenRules.MAX_EXPIRE_SECONDS
        && expire % 1000 == 0
        && expire / 1000 <= TokenRules.MAX_EXPIRE_SECONDS;
  }

  /** A JWT exp this large is milliseconds (in seconds it would be past the year 5000). */
  static final long JWT_MILLIS_THRESHOLD = 100_000_000_000L;

  private final Clock clock;

  public TokenLinter(Clock clock) {
    this.clock = clock;
  }

  public List<LintWarning> lint(DecodedToken token) {
    List<LintWarning> out = new ArrayList<>();
    Instant now = clock.instant();
    if (token instanceof AccessToken2Info t) {
      new AccessToken2Lint(t, now, out).run();
    } else if (token instanceof AccessToken1Info t) {
      lint006(t, now, out);
    } else {
      lintJwt((JwtInfo) token, now, out);
    }
    return List.copyOf(oneFindingPerCause(out));
  }

  /**
   * The token and its privileges often end at the same instant: one {@code TOKEN_EXPIRED} (or
   * {@code EXPIRES_SOON}) per instant, naming everything it covers ("token, joinChannel,
   * publishAudioStream expired 2 h ago (at …)"), instead of one per item.
   */
  static List<LintWarning> oneFindingPerCause(List<LintWarning> in) {
    java.util.Map<String, List<String>> covered = new java.util.LinkedHashMap<>();
    java.util.Map<String, LintCode> codes = new java.util.HashMap<>();
    List<Object> order = new ArrayList<>();
    for (LintWarning w : in) {
      int space = w.message().indexOf(' ');
      if ((w.code() == LintCode.TOKEN_EXPIRED || w.code() == LintCode.EXPIRES_SOON) && space > 0) {
        String cause = w.code() + "|" + w.message().substring(space + 1);
        if (!covered.containsKey(cause)) {
          covered.put(cause, new ArrayList<>());
          codes.put(cause, w.code());
          order.add(cause);
        }
        covered.get(cause).add(w.message().substring(0, space));
      } else {
        order.add(w);
      }
    }
    List<LintWarning> out = new ArrayList<>();
    for (Object o : order) {
      if (o instanceof LintWarning w) {
        out.add(w);
      } else {
        String cause = (String) o;
        out.add(
            new LintWarning(
                codes.get(cause),
                String.join(", ", covered.get(cause))
                    + " "
                    + cause.substring(cause.indexOf('|') + 1)));
      }
    }
    return out;
  }

  static void expiry(String what, Instant expiresAt, Instant now, List<LintWarning> out) {
    Duration left = Duration.between(now, expiresAt);
    if (!left.isNegative() && !left.isZero() && left.compareTo(WILL_EXPIRE_WINDOW) < 0) {
      out.add(
          new LintWarning(
              LintCode.EXPIRES_SOON,
              what
                  + " expires in "
                  + left.getSeconds()
                  + " s: onTokenPrivilegeWillExpire fires at once"));
    } else if (!expiresAt.isAfter(now)) {
      out.add(
          new LintWarning(
              LintCode.TOKEN_EXPIRED,
              what + " " + TimeText.expiry(now, expiresAt) + " (at " + expiresAt + ")"));
    }
  }

  /**
   * Issue times are whole seconds and two machines' clocks never agree to the millisecond: a token
   * fresh from a server a moment ahead is not a finding.
   */
  static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(5);

  static void issuedInFuture(Instant issuedAt, Instant now, List<LintWarning> out) {
    if (issuedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
      out.add(
          new LintWarning(
              LintCode.ISSUED_IN_FUTURE,
              "issued "
                  + TimeText.ago(Duration.between(now, issuedAt))
                  + " in the future ("
                  + issuedAt
                  + "): the issuing server's clock is ahead"));
    }
  }

  private static void lint006(AccessToken1Info t, Instant now, List<LintWarning> out) {
    out.add(
        new LintWarning(
            LintCode.LEGACY_006,
            "AccessToken v1 (006): SDKs and engines that expect AccessToken2 (007) reject it"));
    expiry("token", t.messageExpiresAt(), now, out);
    // RTM v1 builds its login token with the user id in the channel slot and an empty uid: that
    // empty uid is the format, not a wildcard.
    boolean rtm = t.privileges().stream().anyMatch(p -> p.id() == TokenVerifier.RTM_LOGIN);
    if (t.crcChannel() == 0) {
      out.add(
          new LintWarning(
              LintCode.WILDCARD_CHANNEL,
              rtm
                  ? "the RTM user id's CRC32 is 0, the checksum of \"\": the token is for no user"
                  : "channel CRC32 is 0, the checksum of \"\": the token opens every channel"));
    }
    if (t.crcUid() == 0 && !rtm) {
      out.add(
          new LintWarning(
              LintCode.WILDCARD_UID,
              "uid CRC32 is 0, the checksum of \"\" (uid 0): any user may join with this token"));
    }
    // The official builder writes message ts = issue time + 24 h.
    issuedInFuture(t.messageExpiresAt().minus(Duration.ofDays(1)), now, out);
    long join = Long.MAX_VALUE;
    long latestPublish = 0;
    for (PrivilegeInfo p : t.privileges()) {
      if (p.expire() == 0) {
        continue; // 0 = never expires
      }
      if (p.expire() < ABSOLUTE_THRESHOLD) {
        out.add(
            new LintWarning(
                LintCode.EXPIRE_LOOKS_RELATIVE,
                p.name()
                    + " expiry "
                    + p.expire()
                    + " looks like a duration; as an absolute time it is "
                    + Instant.ofEpochSecond(p.expire())
                    + ", long past"));
        continue;
      }
      expiry(p.name(), Instant.ofEpochSecond(p.expire()), now, out);
      if (p.id() == 1) {
        join = p.expire();
      } else if (p.id() >= 2 && p.id() <= 4) {
        latestPublish = Math.max(latestPublish, p.expire());
      }
    }
    if (join != Long.MAX_VALUE && latestPublish > join) {
      out.add(
          new LintWarning(
              LintCode.JOIN_BEFORE_PUBLISH,
              "joinChannel ends at "
                  + Instant.ofEpochSecond(join)
                  + ", before a publish privilege ("
                  + Instant.ofEpochSecond(latestPublish)
                  + "): the user is kicked while allowed to publish"));
    }
  }

  private static void lintJwt(JwtInfo t, Instant now, List<LintWarning> out) {
    var exp = t.numericClaim("exp");
    var iat = t.numericClaim("iat");
    if (exp.isEmpty()) {
      out.add(
          new LintWarning(
              LintCode.JWT_NO_EXP,
              t.claims().containsKey("exp")
                  ? "exp is not a number"
                  : "no exp claim: the token never expires"));
    } else if (exp.get() >= JWT_MILLIS_THRESHOLD) {
      out.add(
          new LintWarning(
              LintCode.JWT_EXP_MILLIS,
              "exp "
                  + exp.get()
                  + " looks like milliseconds ("
                  + Instant.ofEpochMilli(exp.get())
                  + " if read as ms)"));
    } else {
      expiry("token", Instant.ofEpochSecond(exp.get()), now, out);
      if (iat.isPresent() && exp.get() - iat.get() > TokenRules.MAX_EXPIRE_SECONDS) {
        out.add(
            new LintWarning(
                LintCode.LIFETIME_OVER_24H,
                "lifetime " + TimeText.lifetime(exp.get() - iat.get()) + " is over 24 h"));
      }
    }
    if (iat.isPresent() && iat.get() < JWT_MILLIS_THRESHOLD) {
      issuedInFuture(Instant.ofEpochSecond(iat.get()), now, out);
    }
    var nbf = t.numericClaim("nbf");
    if (nbf.isPresent() && nbf.get() < JWT_MILLIS_THRESHOLD) {
      Instant notBefore = Instant.ofEpochSecond(nbf.get());
      if (exp.isPresent() && exp.get() < JWT_MILLIS_THRESHOLD && nbf.get() >= exp.get()) {
        out.add(
            new LintWarning(
                LintCode.JWT_NBF_AFTER_EXP,
                "nbf "
                    + notBefore
                    + " is not before exp "
                    + Instant.ofEpochSecond(exp.get())
                    + ": the token is never valid"));
      } else if (notBefore.isAfter(now)) {
        out.add(
            new LintWarning(
                LintCode.JWT_NOT_YET_VALID,
                "nbf is "
                    + notBefore
                    + ", "
                    + TimeText.lifetime(java.time.Duration.between(now, notBefore).getSeconds())
                    + " from now: the token is not valid yet"));
      }
    }
    if ("none".equalsIgnoreCase(t.algorithm())) {
      out.add(
          new LintWarning(
              LintCode.JWT_ALG_NONE,
              "alg \"none\": the token is unsigned and anyone can forge it"));
    }
    if (t.header().containsKey("crit")) {
      out.add(
          new LintWarning(
              LintCode.JWT_CRIT,
              "crit header "
                  + JwtInfo.jsonText(t.header().get("crit"))
                  + ": it names extensions a verifier must understand, or refuse the token"));
    }
  }
}
