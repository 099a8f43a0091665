package dev.tokensandbox.client.session;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.SimulatedRtcEngine;
import dev.tokensandbox.client.rtc2.RtcEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JWT flows (Ringnity, ChatSDK) have no engine: the session keeps time itself, from the token's
 * {@code exp} claim or the backend's {@code expiresIn} (the policy's timer basis), with a
 * will-expire warning at the engine's lead time and an expiry at the end.
 */
final class TimerDriver implements ExpiryDriver {
  private final ExpiryDriver.Session session;
  private final SandboxClock clock;
  private final List<SandboxClock.Scheduled> timers = new ArrayList<>();
  private Instant expiresAt;

  TimerDriver(ExpiryDriver.Session session, SandboxClock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public void apply(Renewal r, FetchedToken token) {
    Instant now = clock.now();
    Instant exp;
    if (session.policy().timerBasis() == RenewalPolicy.TimerBasis.TOKEN_EXP) {
      exp = JwtExp.of(token.token()).orElse(null);
      if (exp == null) {
        session.failed(r, false, "token has no readable exp claim", Duration.ZERO);
        return;
      }
    } else {
      exp = now.plusSeconds(Math.max(0, token.expiresInSeconds()));
    }
    if (!exp.isAfter(now)) {
      session.emit(
          EventKind.TOKEN_EXPIRED,
          "already expired by this device's clock (exp " + exp + ", device now " + now + ")",
          r.attempt);
      session.failed(
          r, true, "every token arrives expired: is the device clock ahead?", Duration.ZERO);
      return;
    }
    boolean first = session.inEffect() == null;
    session.inEffect(token);
    expiresAt = exp;
    cancelTimers();
    Instant warn = exp.minus(SimulatedRtcEngine.WILL_EXPIRE_LEAD);
    timers.add(clock.schedule(warn.isBefore(now) ? now : warn, this::willExpire));
    timers.add(clock.schedule(exp, this::expired));
    String until = ", expires in " + Duration.between(now, exp).getSeconds() + " s";
    if (first) {
      session.emit(EventKind.READY, token.fingerprint() + until, r.attempt);
    } else {
      session.stats().renewals++;
      session.emit(EventKind.RENEWED, token.fingerprint() + until, r.attempt);
    }
    session.done(r);
  }

  @Override
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public int connectionState() {
    return 0;
  }

  @Override
  public RtcEngine engine() {
    return null;
  }

  @Override
  public void stop() {
    cancelTimers();
  }

  private void willExpire() {
    session.stats().willExpire++;
    session.emit(
        EventKind.WILL_EXPIRE,
        "expires in " + Duration.between(clock.now(), expiresAt).getSeconds() + " s",
        0);
    if (session.policy().trigger().onWillExpire()) {
      session.renewalNeeded(TokenSession.WILL_EXPIRE);
    }
  }

  private void expired() {
    session.stats().kicks++;
    session.emit(
        EventKind.TOKEN_EXPIRED, "calls with " + session.inEffect().fingerprint() + " now fail", 0);
    if (session.policy().trigger().onRequestToken()) {
      session.renewalNeeded("expired");
    }
  }

  private void cancelTimers() {
    for (SandboxClock.Scheduled t : timers) {
      t.cancel();
    }
    timers.clear();
  }
}
