package dev.tokensandbox.tools.check;

import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.DecodeError;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.DecodedToken;
import dev.tokensandbox.backend.tokens.LintCode;
import dev.tokensandbox.backend.tokens.LintWarning;
import dev.tokensandbox.backend.tokens.PrivilegeInfo;
import dev.tokensandbox.backend.tokens.RtcPrivilege;
import dev.tokensandbox.backend.tokens.ServiceInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenLinter;
import dev.tokensandbox.backend.tokens.TokenVerifier;
import dev.tokensandbox.backend.tokens.Verification;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.tools.check.CheckStep.Finding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a token a server returned against what was asked: decodes it (never throwing), checks the
 * channel, user, role, privileges and lifetime, the App ID and the signature when credentials are
 * given, the server's clock against its {@code Date} header, and runs the decoder's lint rules.
 */
final class TokenInspection {
  /** A server clock further off than this from its own {@code Date} header is a finding. */
  static final Duration SKEW_LIMIT = Duration.ofSeconds(60);

  private final Clock clock;
  private final CheckTarget target;
  private int unverified;

  TokenInspection(Clock clock, CheckTarget target) {
    this.clock = clock;
    this.target = target;
  }

  /**
   * What an RTC token must say: channel, uid or account (as the token carries it: uid 0 is ""),
   * whether it may publish, its lifetime.
   */
  record RtcAsk(String channel, String user, boolean account, boolean publisher, int seconds) {}

  /** How many tokens this inspection could not verify: no certificate or secret was given. */
  int unverified() {
    return unverified;
  }

  /** How many tokens this inspection read. */
  int tokens() {
    return tokens;
  }

  private int tokens;

  List<Finding> rtc(String token, RtcAsk ask, Instant serverDate) {
    List<Finding> out = new ArrayList<>();
    DecodedToken decoded = decode(token, out);
    if (decoded == null) {
      return out;
    }
    if (decoded instanceof AccessToken2Info at2) {
      Optional<ServiceInfo> rtc =
          at2.services().stream().filter(s -> s.type() == ServiceInfo.RTC).findFirst();
      if (rtc.isEmpty()) {
        out.add(
            new Finding(
                "the token has no RTC service (it is a " + services(at2) + " token)",
                "Build it with RtcTokenBuilder2.buildTokenWithUid / buildTokenWithUserAccount."));
        return out;
      }
      ServiceInfo s = rtc.get();
      same(out, "channel", s.field("channelName").orElse(""), ask.channel());
      user(out, s.field("uid").orElse(""), ask);
      privileges(out, s.privileges(), ask.publisher());
      if (at2.expire() == ask.seconds() * 1000L && !lifetimeLintFires(at2.expire())) {
        out.add(
            new Finding(
                "the token lives "
                    + at2.expire()
                    + " s; "
                    + ask.seconds()
                    + " s were asked: milliseconds passed as seconds",
                LintCode.EXPIRE_LOOKS_MILLIS.fix(),
                LintCode.EXPIRE_LOOKS_MILLIS.name()));
      } else if (at2.expire() != ask.seconds() && !lifetimeLintFires(at2.expire())) {
        out.add(
            new Finding(
                "the token lives " + at2.expire() + " s; " + ask.seconds() + " s were asked",
                "Pass the requested lifetime in seconds as tokenExpire (and privilegeExpire).",
                "lifetime"));
      }
      skew(out, Instant.ofEpochSecond(at2.issueTs()), serverDate);
      appId(out, at2.appId());
    } else if (decoded instanceof AccessToken1Info at1) {
      if (!at1.channelMatches(ask.channel())) {
        out.add(
            new Finding(
                "the 006 token is not for channel \"" + ask.channel() + "\"",
                FIX_IDENTITY,
                "identity"));
      }
      if (!at1.writtenUidMatches(ask.user())) {
        out.add(
            new Finding(
                "the 006 token is not for "
                    + (ask.user().isEmpty() ? "uid 0 (the wildcard)" : "\"" + ask.user() + "\""),
                FIX_IDENTITY,
                "identity"));
      }
      appId(out, at1.appId());
    } else {
      out.add(
          new Finding(
              "not an Agora token: a " + decoded.format().displayName(),
              "Return the AccessToken2 (007…) built for the channel and user asked."));
      return out;
    }
    signature(out, decoded);
    lint(out, decoded, ask);
    return out;
  }

  /** An RTM token (AccessToken2 RTM service) for {@code userId}. */
  List<Finding> rtm(String token, String userId, Instant serverDate) {
    List<Finding> out = new ArrayList<>();
    DecodedToken decoded = decode(token, out);
    if (decoded == null) {
      return out;
    }
    if (decoded instanceof AccessToken2Info at2) {
      Optional<ServiceInfo> rtm =
          at2.services().stream().filter(s -> s.type() == ServiceInfo.RTM).findFirst();
      if (rtm.isEmpty()) {
        out.add(
            new Finding(
                "the token has no RTM service (it is a " + services(at2) + " token)",
                "Build it with RtmTokenBuilder2.buildToken(appId, certificate, userId, expire)."));
        return out;
      }
      same(out, "user", rtm.get().field("userId").orElse(""), userId);
      skew(out, Instant.ofEpochSecond(at2.issueTs()), serverDate);
      appId(out, at2.appId());
    }
    signature(out, decoded);
    lint(out, decoded, null);
    return out;
  }

  /** A JWT (Ringnity, ChatSDK): decodes, verifies with the secret when given, lints. */
  List<Finding> jwt(String token) {
    List<Finding> out = new ArrayList<>();
    DecodedToken decoded = decode(token, out);
    if (decoded == null) {
      return out;
    }
    if (decoded.format() != dev.tokensandbox.backend.tokens.TokenFormat.JWT) {
      out.add(
          new Finding(
              "not a JWT: a " + decoded.format().displayName(),
              "Return the signed JWT the provider issued."));
      return out;
    }
    if (target.jwtSecret() != null && !target.jwtSecret().isEmpty()) {
      Verification v =
          TokenVerifier.verify(decoded, VerificationKeys.jwtSecret(target.jwtSecret()));
      if (v.verdict() == Verification.Verdict.INVALID) {
        out.add(
            new Finding(
                "the JWT's signature does not verify with the secret given: " + v.detail(),
                "Sign with the flow's secret (HS256).",
                "signature"));
      }
    } else {
      unverified++;
    }
    lint(out, decoded, null);
    return out;
  }

  private static final String FIX_IDENTITY =
      "Build the token for the channel and the uid or account the request names.";

  private DecodedToken decode(String token, List<Finding> out) {
    tokens++;
    String text = token == null ? "" : token.strip();
    if (text.isEmpty()) {
      out.add(
          new Finding(
              "the answer holds no token (empty)",
              "Answer every valid request with a token, or with a 4xx naming what is wrong.",
              "empty-answer"));
      return null;
    }
    DecodeResult result = TokenDecoder.decode(text);
    if (result instanceof DecodeError e) {
      out.add(
          new Finding(
              "the answer is not a token: " + e.message(),
              "Return the token itself (text/plain) or in the field the flow names.",
              "not-a-token"));
      return null;
    }
    return (DecodedToken) result;
  }

  private static void same(List<Finding> out, String what, String actual, String asked) {
    if (!actual.equals(asked)) {
      out.add(
          new Finding(
              "the token is for "
                  + what
                  + " "
                  + (actual.isEmpty() ? "\"\" (any: a wildcard)" : "\"" + actual + "\"")
                  + "; \""
                  + asked
                  + "\" was asked",
              FIX_IDENTITY,
              "identity"));
    }
  }

  /**
   * The token's uid against the ask, naming the two bugs real servers have: uid 0 signed as the
   * string "0" (the account "0", not the wildcard), and a uid above 2^31 through a signed int.
   */
  private static void user(List<Finding> out, String actual, RtcAsk ask) {
    if (actual.equals(ask.user())) {
      return;
    }
    if (!ask.account() && ask.user().isEmpty() && actual.equals("0")) {
      out.add(
          new Finding(
              "uid 0 was signed as the user account \"0\", not as the wildcard: a client joining"
                  + " with uid 0 is refused",
              "Build uid 0 with buildTokenWithUid(…, 0, …) (it writes \"\"); a path or query"
                  + " parameter passed on as the string \"0\" signs the account \"0\".",
              "uid-0-as-account"));
      return;
    }
    if (!ask.account()
        && ask.user().matches("\\d{1,10}")
        && Long.parseLong(ask.user()) > Integer.MAX_VALUE
        && actual.equals(Integer.toString((int) Long.parseLong(ask.user())))) {
      out.add(
          new Finding(
              "uid "
                  + ask.user()
                  + " was signed as \""
                  + actual
                  + "\": it went through a signed 32-bit int",
              "Keep uids as unsigned 32-bit (a long, or >>> 0 in JavaScript) up to 4294967295.",
              "uid-overflow"));
      return;
    }
    same(out, ask.account() ? "user account" : "uid", actual, ask.user());
  }

  /** The token's lifetime is already a lint error (milliseconds or an absolute time). */
  private static boolean lifetimeLintFires(long expire) {
    return TokenLinter.expireLooksAbsolute(expire) || TokenLinter.expireLooksMillis(expire);
  }

  private static void privileges(
      List<Finding> out, List<PrivilegeInfo> granted, boolean publisher) {
    boolean join = granted.stream().anyMatch(p -> p.id() == RtcPrivilege.JOIN_CHANNEL.id());
    boolean publish = granted.stream().anyMatch(p -> p.id() != RtcPrivilege.JOIN_CHANNEL.id());
    if (!join) {
      out.add(
          new Finding(
              "the token grants no joinChannel privilege",
              "Use RtcTokenBuilder2 with a role (it always grants joinChannel).",
              "no-join"));
    }
    if (publisher && !publish) {
      out.add(
          new Finding(
              "a publisher's token grants no publish privilege",
              "Map role=publisher to Role.ROLE_PUBLISHER.",
              "role"));
    }
    if (!publisher && publish) {
      out.add(
          new Finding(
              "a subscriber's token grants publish privileges",
              "Map role=subscriber to Role.ROLE_SUBSCRIBER: an audience must not publish.",
              "role"));
    }
  }

  private static void skew(List<Finding> out, Instant issued, Instant serverDate) {
    if (serverDate == null) {
      return;
    }
    long off = Duration.between(serverDate, issued).getSeconds();
    if (Math.abs(off) > SKEW_LIMIT.getSeconds()) {
      out.add(
          new Finding(
              "the token was issued "
                  + Math.abs(off)
                  + " s "
                  + (off > 0 ? "after" : "before")
                  + " the server's own Date header: its token clock is off",
              "Issue tokens with the system clock in seconds, synced by NTP.",
              "clock"));
    }
  }

  private void appId(List<Finding> out, String appId) {
    if (target.appId() != null && !target.appId().isEmpty() && !target.appId().equals(appId)) {
      out.add(
          new Finding(
              "the token is for App ID " + appId + ", not the App ID given",
              "Build tokens with the App ID of the project the app joins.",
              "app-id"));
    }
  }

  private void signature(List<Finding> out, DecodedToken decoded) {
    if (target.certificate() == null || target.certificate().isEmpty()) {
      unverified++;
      return;
    }
    Verification v =
        TokenVerifier.verify(decoded, VerificationKeys.certificate(target.certificate()));
    if (v.verdict() == Verification.Verdict.INVALID) {
      out.add(
          new Finding(
              "the signature does not verify with the certificate given: " + v.detail(),
              "Sign with the App Certificate of the App ID in the token.",
              "signature"));
    }
  }

  /**
   * The decoder's lint rules, one finding per rule however many privileges it names, without the
   * rules the request itself explains: the wildcard uid or channel when that was asked, the account
   * "0" and a signed-int uid that {@link #user} already named.
   */
  private void lint(List<Finding> out, DecodedToken decoded, RtcAsk ask) {
    java.util.Map<LintCode, List<LintWarning>> byCode = new java.util.LinkedHashMap<>();
    for (LintWarning w : new TokenLinter(clock).lint(decoded)) {
      if (w.severity() == LintCode.Severity.INFO || explained(w.code(), ask, out)) {
        continue;
      }
      byCode.computeIfAbsent(w.code(), c -> new ArrayList<>()).add(w);
    }
    byCode.forEach(
        (code, warnings) -> {
          String message = warnings.get(0).message();
          if (warnings.size() > 1) {
            message += " (and " + (warnings.size() - 1) + " more the same way)";
          }
          // A clock ahead shows as a skew against the Date header and as a future issue time:
          // one cause.
          String cause = code == LintCode.ISSUED_IN_FUTURE ? "clock" : code.name();
          out.add(new Finding(code.name() + ": " + message, code.fix(), cause));
        });
  }

  private boolean explained(LintCode code, RtcAsk ask, List<Finding> out) {
    return switch (code) {
      case WILDCARD_UID ->
          (ask != null && ask.user().isEmpty() && !ask.account())
              || out.stream().anyMatch(f -> f.cause().equals("identity"));
      case WILDCARD_CHANNEL -> ask != null && ask.channel().isEmpty();
      case ACCOUNT_ZERO -> out.stream().anyMatch(f -> f.cause().equals("uid-0-as-account"));
      case UID_NOT_UINT32 -> out.stream().anyMatch(f -> f.cause().equals("uid-overflow"));
      default -> false;
    };
  }

  private static String services(AccessToken2Info at2) {
    return at2.services().isEmpty()
        ? "service-less"
        : String.join("+", at2.services().stream().map(ServiceInfo::name).toList());
  }
}
