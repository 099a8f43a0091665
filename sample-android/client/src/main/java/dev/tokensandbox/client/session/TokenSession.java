package dev.tokensandbox.client.session;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.RtcEngineFactory;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.rtc.SimulatedRtcEngine;
import dev.tokensandbox.client.rtc2.RtcEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One device's app-side token logic: fetch a token through the backend, put it in effect through an
 * {@link ExpiryDriver} — the RTC engine (join, then {@code renewToken}, reacting to the engine's
 * callbacks as the {@link RenewalPolicy} says) or, for the JWT flows (Ringnity, ChatSDK), the
 * session's own timers — with single-flight fetches, seeded backoff and a clean give-up that says
 * why. Every step is a {@link TimelineEvent}. Confined to its clock's thread.
 */
public final class TokenSession {
  private final String device;
  private final SandboxClock clock;
  private final SandboxClock timelineClock;
  private final TokenSource source;
  private final CallRunner runner;
  private final RenewalPolicy policy;
  private final Random random;
  private final Consumer<TimelineEvent> listener;
  private final ExpiryDriver driver;
  private final List<Renewal> active = new ArrayList<>();
  private final SessionStats stats = new SessionStats();
  private boolean started;
  private boolean stopped;
  private FetchedToken current;

  // The storm guard: a token warned about as soon as it takes effect (its lifetime is shorter than
  // the will-expire lead) is renewed once, after a backoff, and the run says why once.
  private Instant inEffectSince;
  private FetchedToken warnedFor;
  private int stormRenewals;
  private boolean stormSaid;
  private SandboxClock.Scheduled deferred;

  private TokenSession(Builder b) {
    this.device = b.device;
    this.clock = b.clock;
    this.timelineClock = b.timelineClock != null ? b.timelineClock : b.clock;
    this.source = b.source;
    this.runner = b.runner;
    this.policy = b.policy;
    this.random = b.random;
    this.listener = b.listener;
    ExpiryDriver.Session callbacks = new Callbacks();
    if (source.flow().isRtc()) {
      if (b.engines == null || b.who == null) {
        throw new IllegalArgumentException("an RTC flow needs an engine and a channel/user");
      }
      driver = new EngineDriver(callbacks, clock, b.who, policy.sdk(), b.engines);
    } else {
      driver = new TimerDriver(callbacks, clock);
    }
  }

  public static Builder builder(String device, SandboxClock clock, TokenSource source) {
    return new Builder(device, clock, source);
  }

  /** Fetches the first token and joins (or, for a JWT flow, starts the session's own timers). */
  public void start() {
    if (started) {
      throw new IllegalStateException(device + " already started");
    }
    started = true;
    begin("start");
  }

  /** The app asks for a fresh token now (e.g. it came back to the foreground). */
  public void refresh(String why) {
    requestRenewal(why);
  }

  /** Leaves the channel and cancels everything pending. */
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (deferred != null) {
      deferred.cancel();
      deferred = null;
    }
    for (Renewal r : active) {
      r.cancel();
    }
    active.clear();
    driver.stop();
    emit(EventKind.LEFT, "stopped", 0);
  }

  public String device() {
    return device;
  }

  public RenewalPolicy policy() {
    return policy;
  }

  /** The engine, for RTC flows; null for JWT flows. */
  public RtcEngine engine() {
    return driver.engine();
  }

  /** The simulated engine, when this session drives one (for sandbox commands such as expiry). */
  public SimulatedRtcEngine simulatedEngine() {
    return driver.engine() instanceof SimulatedRtcEngine s ? s : null;
  }

  /**
   * The engine's connection state as its callbacks last reported it ({@code
   * Constants.CONNECTION_STATE_*}); 0 for JWT flows.
   */
  public int connectionState() {
    return driver.connectionState();
  }

  /** The token in effect, if any. */
  public FetchedToken currentToken() {
    return current;
  }

  /** When the token in effect runs out on this device's clock (engine kick time for RTC). */
  public Instant currentExpiresAt() {
    return driver.expiresAt();
  }

  /** True while a renewal (fetch, retry wait or engine check) is under way. */
  public boolean isRenewing() {
    return !active.isEmpty();
  }

  public SessionStats stats() {
    return stats;
  }

  // ---- renewal episodes ----------------------------------------------------------------------

  /**
   * Without a known expiry, a will-expire warning this soon after its token took effect came "at
   * once".
   */
  static final Duration AT_ONCE = Duration.ofSeconds(1);

  /** The reason the drivers give when the engine or timer warns of expiry. */
  static final String WILL_EXPIRE = "will-expire";

  private void requestRenewal(String why) {
    if (stopped) {
      return;
    }
    if (WILL_EXPIRE.equals(why) && current != null && stormGuard()) {
      return;
    }
    emit(EventKind.RENEW_REQUESTED, why, 0);
    if (policy.reactionDelay().isZero()) {
      begin(why);
    } else {
      clock.scheduleAfter(policy.reactionDelay(), () -> begin(why));
    }
  }

  /**
   * Renews at most once per token on a will-expire warning; a token warned about as soon as it took
   * effect is renewed after a backoff (at most half its remaining life), and the first time this
   * happens the run gets a {@link EventKind#FINDING}. True when the renewal was taken care of here.
   */
  private boolean stormGuard() {
    if (current == warnedFor) {
      return true; // this token's renewal was already asked for
    }
    warnedFor = current;
    Instant now = clock.now();
    if (!warnedAtOnce(now)) {
      stormRenewals = 0;
      stormSaid = false; // a storm after this one is said again
      return false;
    }
    stormRenewals++;
    if (!stormSaid) {
      stormSaid = true;
      emit(EventKind.FINDING, stormFinding(now), 0);
    }
    Duration delay = policy.backoff().delayAfter(stormRenewals, random);
    Instant expires = driver.expiresAt();
    if (expires != null && expires.isAfter(now)) {
      Duration half = Duration.between(now, expires).dividedBy(2);
      if (half.compareTo(delay) < 0) {
        delay = half;
      }
    }
    emit(
        EventKind.RENEW_REQUESTED,
        WILL_EXPIRE + " as soon as the token took effect: renewing in " + millis(delay),
        0);
    if (deferred != null) {
      deferred.cancel();
    }
    deferred =
        clock.scheduleAfter(
            delay,
            () -> {
              deferred = null;
              begin(WILL_EXPIRE);
            });
    return true;
  }

  /**
   * Whether the current token was "about to expire" the moment it took effect: what it had left
   * then was within the will-expire lead (a network's delay does not make a 32 s token one), or,
   * when its expiry is unknown, the warning came within {@link #AT_ONCE} of it.
   */
  private boolean warnedAtOnce(Instant now) {
    if (inEffectSince == null) {
      return false;
    }
    Instant expires = driver.expiresAt();
    if (expires != null) {
      return Duration.between(inEffectSince, expires).compareTo(SimulatedRtcEngine.WILL_EXPIRE_LEAD)
          <= 0;
    }
    return Duration.between(inEffectSince, now).compareTo(AT_ONCE) < 0;
  }

  private String stormFinding(Instant now) {
    long lead = SimulatedRtcEngine.WILL_EXPIRE_LEAD.getSeconds();
    long lifetime = current.expiresInSeconds();
    Instant expires = driver.expiresAt();
    if (lifetime < 0 && expires != null) {
      // What was left when it took effect, rounded up: the token left the server a moment before.
      lifetime = (Duration.between(inEffectSince, expires).toMillis() + 999) / 1000;
    }
    return (lifetime >= 0 ? "token lifetime " + lifetime + " s" : "the token's lifetime")
        + " is shorter than the "
        + lead
        + " s will-expire window: every token is renewed at once (renewing once per token, with"
        + " backoff)";
  }

  private void begin(String why) {
    if (stopped) {
      return;
    }
    if (policy.singleFlight() && !active.isEmpty()) {
      stats.coalesced++;
      emit(EventKind.COALESCED, why + ": a renewal is already under way", 0);
      return;
    }
    Renewal r = new Renewal(why);
    active.add(r);
    attempt(r);
  }

  private void attempt(Renewal r) {
    r.attempt++;
    stats.fetches++;
    emit(EventKind.FETCH_STARTED, r.why + " via " + source.flow().label(), r.attempt);
    runner.run(source::fetch, outcome -> fetched(r, outcome));
  }

  private void fetched(Renewal r, Outcome<FetchedToken> outcome) {
    if (r.done) {
      return;
    }
    FetchedToken token = outcome.successValue().orElse(null);
    if (token == null) {
      emit(EventKind.FETCH_FAILED, outcome.describe(), r.attempt);
      Duration floor =
          outcome instanceof Outcome.ClientError<?> c && c.retryAfter() != null
              ? c.retryAfter()
              : Duration.ZERO;
      retryOrGiveUp(r, outcome.isRetryable(), outcome.describe(), floor);
      return;
    }
    stats.tokensIssued++;
    emit(
        EventKind.TOKEN_ISSUED,
        token.fingerprint()
            + (token.expiresInSeconds() >= 0
                ? " expiresIn " + token.expiresInSeconds() + " s"
                : ""),
        r.attempt);
    driver.apply(r, token);
  }

  private void retryOrGiveUp(Renewal r, boolean retryable, String why, Duration floor) {
    int max = policy.backoff().maxAttempts();
    if (retryable && r.attempt < max && !stopped) {
      Duration delay = policy.backoff().delayAfter(r.attempt, random);
      if (delay.compareTo(floor) < 0) {
        delay = floor;
      }
      stats.retries++;
      emit(
          EventKind.RETRY_SCHEDULED,
          "attempt " + (r.attempt + 1) + " of " + max + " in " + millis(delay),
          r.attempt);
      r.retry =
          clock.scheduleAfter(
              delay,
              () -> {
                r.retry = null;
                attempt(r);
              });
      return;
    }
    stats.gaveUp++;
    emit(
        EventKind.GAVE_UP,
        (retryable ? "after " + r.attempt + " attempts: " : "not retryable: ") + why,
        r.attempt);
    finish(r);
  }

  private void finish(Renewal r) {
    r.cancel();
    active.remove(r);
  }

  /** What the expiry driver reports back. */
  private final class Callbacks implements ExpiryDriver.Session {
    @Override
    public RenewalPolicy policy() {
      return policy;
    }

    @Override
    public SessionStats stats() {
      return stats;
    }

    @Override
    public void emit(EventKind kind, String detail, int attempt) {
      TokenSession.this.emit(kind, detail, attempt);
    }

    @Override
    public void inEffect(FetchedToken token) {
      current = token;
      inEffectSince = clock.now();
    }

    @Override
    public FetchedToken inEffect() {
      return current;
    }

    @Override
    public void done(Renewal r) {
      finish(r);
    }

    @Override
    public void failed(Renewal r, boolean retryable, String why, Duration floor) {
      retryOrGiveUp(r, retryable, why, floor);
    }

    @Override
    public void renewalNeeded(String why) {
      requestRenewal(why);
    }
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private void emit(EventKind kind, String detail, int attempt) {
    listener.accept(new TimelineEvent(timelineClock.now(), device, kind, detail, attempt));
  }

  private static String millis(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** Wiring for a session. */
  public static final class Builder {
    private final String device;
    private final SandboxClock clock;
    private final TokenSource source;
    private SandboxClock timelineClock;
    private CallRunner runner;
    private RenewalPolicy policy = RenewalPolicy.recommended();
    private Random random = new Random(0);
    private Consumer<TimelineEvent> listener = e -> {};
    private RtcTokenQuery who;
    private RtcService rtcService;
    private RtcEngineFactory engines;

    private Builder(String device, SandboxClock clock, TokenSource source) {
      this.device = device;
      this.clock = clock;
      this.source = source;
      this.runner = CallRunner.inline(clock, Duration.ZERO);
    }

    /**
     * The RTC channel and user to join as, and the service that checks tokens: the session drives a
     * {@link SimulatedRtcEngine} of the policy's SDK profile.
     */
    public Builder rtc(RtcTokenQuery who, RtcService service) {
      this.who = who;
      this.rtcService = service;
      return this;
    }

    /** The RTC channel and user to join as, on an engine of the caller's making. */
    public Builder rtc(RtcTokenQuery who, RtcEngineFactory engines) {
      this.who = who;
      this.engines = engines;
      return this;
    }

    public Builder policy(RenewalPolicy policy) {
      this.policy = policy;
      return this;
    }

    public Builder runner(CallRunner runner) {
      this.runner = runner;
      return this;
    }

    /** Seeds the backoff jitter. */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    public Builder listener(Consumer<TimelineEvent> listener) {
      this.listener = listener;
      return this;
    }

    /** The clock events are stamped with, when the device's own clock is skewed. */
    public Builder timelineClock(SandboxClock clock) {
      this.timelineClock = clock;
      return this;
    }

    public TokenSession build() {
      if (engines == null && rtcService != null) {
        engines = RtcEngineFactory.simulated(clock, rtcService, runner, policy.sdk());
      }
      return new TokenSession(this);
    }
  }
}
