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

  TokenInspection(Clock clock, CheckTarget target) {
    this.clock = clock;
    this.target = target;
  }

  /** What an RTC token must say: channel, uid or account, whether it may publish, its lifetime. */
  record RtcAsk(String channel, String user, boolean account, boolean publisher, int seconds) {}

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
      same(out, ask.account() ? "user account" : "uid", s.field("uid").orElse(""), ask.user());
      privileges(out, s.privileges(), ask.publisher());
      if (at2.expire() != ask.seconds()) {
        out.add(
            new Finding(
                "the token lives " + at2.expire() + " s; " + ask.seconds() + " s were asked",
                "Pass the requested lifetime in seconds as tokenExpire (and privilegeExpire)."));
      }
      skew(out, Instant.ofEpochSecond(at2.issueTs()), serverDate);
      appId(out, at2.appId());
    } else if (decoded instanceof AccessToken1Info at1) {
      if (!at1.channelMatches(ask.channel())) {
        out.add(new Finding("the 006 token is not for channel " + ask.channel(), FIX_IDENTITY));
      }
      if (!at1.uidMatches(ask.user())) {
        out.add(new Finding("the 006 token is not for user " + ask.user(), FIX_IDENTITY));
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
    lint(out, decoded);
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
    lint(out, decoded);
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
                "Sign with the flow's secret (HS256)."));
      }
    }
    lint(out, decoded);
    return out;
  }

  private static final String FIX_IDENTITY =
      "Build the token for the channel and the uid or account the request names.";

  private static DecodedToken decode(String token, List<Finding> out) {
    DecodeResult result = TokenDecoder.decode(token == null ? "" : token.strip());
    if (result instanceof DecodeError e) {
      out.add(
          new Finding(
              "the answer is not a token: " + e.message(),
              "Return the token itself (text/plain) or in the field the flow names."));
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
              FIX_IDENTITY));
    }
  }

  private static void privileges(
      List<Finding> out, List<PrivilegeInfo> granted, boolean publisher) {
    boolean join = granted.stream().anyMatch(p -> p.id() == RtcPrivilege.JOIN_CHANNEL.id());
    boolean publish = granted.stream().anyMatch(p -> p.id() != RtcPrivilege.JOIN_CHANNEL.id());
    if (!join) {
      out.add(
          new Finding(
              "the token grants no joinChannel privilege",
              "Use RtcTokenBuilder2 with a role (it always grants joinChannel)."));
    }
    if (publisher && !publish) {
      out.add(
          new Finding(
              "a publisher's token grants no publish privilege",
              "Map role=publisher to Role.ROLE_PUBLISHER."));
    }
    if (!publisher && publish) {
      out.add(
          new Finding(
              "a subscriber's token grants publish privileges",
              "Map role=subscriber to Role.ROLE_SUBSCRIBER: an audience must not publish."));
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
              "Issue tokens with the system clock in seconds, synced by NTP."));
    }
  }

  private void appId(List<Finding> out, String appId) {
    if (target.appId() != null && !target.appId().isEmpty() && !target.appId().equals(appId)) {
      out.add(
          new Finding(
              "the token is for App ID " + appId + ", not the App ID given",
              "Build tokens with the App ID of the project the app joins."));
    }
  }

  private void signature(List<Finding> out, DecodedToken decoded) {
    if (target.certificate() == null || target.certificate().isEmpty()) {
      return;
    }
    Verification v =
        TokenVerifier.verify(decoded, VerificationKeys.certificate(target.certificate()));
    if (v.verdict() == Verification.Verdict.INVALID) {
      out.add(
          new Finding(
              "the signature does not verify with the certificate given: " + v.detail(),
              "Sign with the App Certificate of the App ID in the token."));
    }
  }

  private void lint(List<Finding> out, DecodedToken decoded) {
    for (LintWarning w : new TokenLinter(clock).lint(decoded)) {
      if (w.severity() != LintCode.Severity.INFO) {
        out.add(new Finding(w.code().name() + ": " + w.message(), w.fix()));
      }
    }
  }

  private static String services(AccessToken2Info at2) {
    return at2.services().isEmpty()
        ? "service-less"
        : String.join("+", at2.services().stream().map(ServiceInfo::name).toList());
  }
}
