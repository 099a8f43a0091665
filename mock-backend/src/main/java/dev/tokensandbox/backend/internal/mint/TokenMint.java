package dev.tokensandbox.backend.internal.mint;

import dev.tokensandbox.backend.internal.faults.FaultDecision;
import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.IssuedToken;
import dev.tokensandbox.backend.tokens.JwtIssuer;
import dev.tokensandbox.backend.tokens.JwtKind;
import dev.tokensandbox.backend.tokens.RtcPrivilege;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.IssuedRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Issues every token the backend hands out, applying the token faults drawn for the request
 * (expired, wrong identity, short lifetime, clock skew), and keeps a bounded history of what was
 * issued (fingerprints only).
 */
public final class TokenMint {
  private static final int HISTORY = 500;

  private final Workspace workspace;
  private final Clock clock;
  private final RandomGenerator random;
  private final ArrayDeque<IssuedRecord> history = new ArrayDeque<>();
  private final java.util.function.UnaryOperator<String> redact;

  public TokenMint(Workspace workspace, Clock clock, RandomGenerator random) {
    this(workspace, clock, random, text -> text);
  }

  /**
   * {@code redact} cleans what a client chose (a uid, a user account, a user id) before the history
   * keeps it: a client may put anything there, a workspace secret included.
   */
  public TokenMint(
      Workspace workspace,
      Clock clock,
      RandomGenerator random,
      java.util.function.UnaryOperator<String> redact) {
    this.workspace = workspace;
    this.clock = clock;
    this.random = random;
    this.redact = redact;
  }

  public IssuedToken rtc(
      String route, FaultDecision faults, RtcTokenRequest request, boolean legacy) {
    RtcTokenRequest faulted = faulted(request, faults);
    IssuedToken token =
        at(
            faults,
            faulted.tokenExpireSeconds(),
            issuer -> legacy ? issuer.legacyRtc(faulted) : issuer.rtc(faulted));
    return remember(route, legacy ? "rtc-006" : "rtc", faulted.user().tokenValue(), token, faults);
  }

  public IssuedToken rtm(
      String route, FaultDecision faults, String userId, int expire, boolean legacy) {
    int lifetime = lifetime(faults, expire);
    IssuedToken token =
        at(
            faults,
            lifetime,
            issuer -> legacy ? issuer.legacyRtm(userId, lifetime) : issuer.rtm(userId, lifetime));
    return remember(route, legacy ? "rtm-006" : "rtm", userId, token, faults);
  }

  public IssuedToken chatUser(String route, FaultDecision faults, String userId, int expire) {
    int lifetime = lifetime(faults, expire);
    return remember(
        route,
        "chat-user",
        userId,
        at(faults, lifetime, issuer -> issuer.chatUser(userId, lifetime)),
        faults);
  }

  public IssuedToken chatApp(String route, FaultDecision faults, int expire) {
    int lifetime = lifetime(faults, expire);
    return remember(
        route, "chat-app", "", at(faults, lifetime, issuer -> issuer.chatApp(lifetime)), faults);
  }

  public IssuedToken jwt(
      String route,
      FaultDecision faults,
      JwtKind flow,
      String subject,
      int expire,
      Map<String, Object> claims) {
    int lifetime = lifetime(faults, expire);
    byte[] secret =
        flow == JwtKind.RINGNITY ? workspace.ringnitySecretBytes() : workspace.chatsdkSecretBytes();
    IssuedToken token =
        new JwtIssuer(secret, clockFor(faults, lifetime), random)
            .issue(flow, subject, lifetime, claims);
    return remember(route, "jwt-" + flow.cliName(), subject, token, faults);
  }

  /**
   * A token of any kind the official builders make, at the order's fixed issue time and salt (or
   * the sandbox clock and a random salt). No fault applies: this is the sandbox's own builder.
   */
  public IssuedToken build(String route, dev.tokensandbox.backend.tokens.TokenOrder order) {
    IssuedToken token =
        order.issue(new AgoraTokenIssuer(workspace.agoraCredentials(), clock, random));
    return remember(route, order.kind(), order.subject(), token, FaultDecision.NONE);
  }

  public synchronized List<IssuedRecord> history() {
    return List.copyOf(history);
  }

  private IssuedToken at(
      FaultDecision faults, int lifetime, Function<AgoraTokenIssuer, IssuedToken> issue) {
    return issue.apply(
        new AgoraTokenIssuer(workspace.agoraCredentials(), clockFor(faults, lifetime), random));
  }

  /** Skew shifts the issue time; an expired token is issued a lifetime and a minute ago. */
  private Clock clockFor(FaultDecision faults, int lifetime) {
    Duration shift = Duration.ZERO;
    if (faults.has(Fault.CLOCK_SKEW)) {
      shift = shift.plusSeconds(faults.get(Fault.CLOCK_SKEW).orElseThrow().value());
    }
    if (faults.has(Fault.TOKEN_EXPIRED)) {
      shift = shift.minusSeconds(lifetime + 60L);
    }
    return shift.isZero() ? clock : Clock.offset(clock, shift);
  }

  private static int lifetime(FaultDecision faults, int expire) {
    return faults.get(Fault.SHORT_LIFETIME).map(r -> r.value()).orElse(expire);
  }

  private static RtcTokenRequest faulted(RtcTokenRequest request, FaultDecision faults) {
    RtcTokenRequest out = request;
    if (faults.has(Fault.SHORT_LIFETIME)) {
      int seconds = lifetime(faults, request.tokenExpireSeconds());
      Map<RtcPrivilege, Integer> privileges = new EnumMap<>(RtcPrivilege.class);
      request.privileges().forEach((p, s) -> privileges.put(p, Math.min(s, seconds)));
      out = RtcTokenRequest.withPrivileges(out.channel(), out.user(), seconds, privileges);
    }
    if (faults.has(Fault.WRONG_IDENTITY)) {
      RtcUser user =
          out.user().isAccount()
              ? RtcUser.account(out.user().account() + "-other")
              : RtcUser.uid(out.user().uid() == 0 ? 1 : (out.user().uid() % 4_294_967_295L) + 1);
      String channel = out.channel().length() < 57 ? out.channel() + "-other" : "other";
      out =
          RtcTokenRequest.withPrivileges(channel, user, out.tokenExpireSeconds(), out.privileges());
    }
    return out;
  }

  private IssuedToken remember(
      String route, String kind, String subject, IssuedToken token, FaultDecision faults) {
    synchronized (this) {
      if (history.size() == HISTORY) {
        history.removeFirst();
      }
      history.addLast(
          new IssuedRecord(
              token.fingerprint(),
              route,
              kind,
              subject == null ? null : redact.apply(subject),
              token.issuedAt(),
              token.expiresAt(),
              token.salt(),
              faults.names()));
    }
    return token;
  }

  Instant now() {
    return clock.instant();
  }
}
