package dev.tokensandbox.client.offline;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcCheck;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.session.TokenSource;
import dev.tokensandbox.protocol.Flow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory token server and RTC service for simulations too large for HTTP (a thousand devices
 * for a day). Its tokens are opaque ids — {@code offline-<n>} — that mean nothing outside it; it
 * remembers each one's identity and expiry and checks them as the provider mock does (expiry, uid,
 * channel). It counts everything so a soak can account for every renewal. Single-threaded, like the
 * virtual clock that drives it.
 */
public final class OfflineBackend implements RtcService {
  private final SandboxClock clock;
  private final int lifetimeSeconds;
  private final Map<String, Issued> issued = new HashMap<>();
  private long next;
  private long checks;

  private static final class Issued {
    final RtcTokenQuery who;
    final Instant expiresAt;

    Issued(RtcTokenQuery who, Instant expiresAt) {
      this.who = who;
      this.expiresAt = expiresAt;
    }
  }

  public OfflineBackend(SandboxClock clock, int lifetimeSeconds) {
    this.clock = clock;
    this.lifetimeSeconds = lifetimeSeconds;
  }

  /** A token source that issues tokens for {@code who}. */
  public TokenSource source(RtcTokenQuery who) {
    return new TokenSource() {
      @Override
      public Outcome<FetchedToken> fetch() {
        String token = "offline-" + next++;
        issued.put(token, new Issued(who, clock.now().plusSeconds(lifetimeSeconds)));
        return new Outcome.Success<>(new FetchedToken(Flow.SHENGWANG, token, null, -1), 200);
      }

      @Override
      public Flow flow() {
        return Flow.SHENGWANG;
      }
    };
  }

  @Override
  public Outcome<RtcCheck> join(String token, RtcTokenQuery who) {
    return new Outcome.Success<>(check(token, who), 200);
  }

  @Override
  public Outcome<RtcCheck> renew(String token, RtcTokenQuery who) {
    return join(token, who);
  }

  private RtcCheck check(String token, RtcTokenQuery who) {
    checks++;
    Instant now = clock.now();
    Issued t = issued.get(token);
    if (t == null) {
      return new RtcCheck(RtcCheck.INVALID_TOKEN, "unknown token", null, null, false, now);
    }
    if (!t.who.identity().equals(who.identity()) || !t.who.channel().equals(who.channel())) {
      return new RtcCheck(
          RtcCheck.INVALID_TOKEN, "token is for another user or channel", null, null, false, now);
    }
    if (!now.isBefore(t.expiresAt)) {
      return new RtcCheck(
          RtcCheck.TOKEN_EXPIRED, "token expired at " + t.expiresAt, null, null, false, now);
    }
    Map<String, Instant> privileges = new HashMap<>();
    privileges.put("joinChannel", t.expiresAt);
    return new RtcCheck(RtcCheck.OK, "ok", t.expiresAt, privileges, who.publisher(), now);
  }

  /** Tokens issued so far. */
  public long tokensIssued() {
    return next;
  }

  /** Join and renew checks answered so far. */
  public long checks() {
    return checks;
  }
}
