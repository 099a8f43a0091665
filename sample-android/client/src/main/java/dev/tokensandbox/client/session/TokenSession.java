package dev.tokensandbox.client.session;

import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.ConnectionState;
import dev.tokensandbox.client.rtc.RtcCodes;
import dev.tokensandbox.client.rtc.RtcEngineEventHandler;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.rtc.SimulatedRtcEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One device's app-side token logic: fetch a token through the backend, hand it to the RTC engine
 * (join, then {@code renewToken}), and react to the engine's callbacks as the {@link RenewalPolicy}
 * says — with single-flight fetches, seeded backoff and a clean give-up that says why. JWT flows
 * (Ringnity, ChatSDK) have no engine: the session times them itself. Every step is a {@link
 * TimelineEvent}. Confined to its clock's thread.
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
  private final RtcTokenQuery who;
  private final SimulatedRtcEngine engine;
  private final List<Renewal> active = new ArrayList<>();
  private final List<SandboxClock.Scheduled> expiryTimers = new ArrayList<>();

  private final java.util.ArrayDeque<Renewal> awaitingEngine = new java.util.ArrayDeque<>();
  private String lastEngineError = "";
  private boolean joined;
  private boolean started;
  private boolean stopped;
  private FetchedToken current;
  private Instant currentExpiresAt;
  private final Stats stats = new Stats();

  private TokenSession(Builder b) {
    this.device = b.device;
    this.clock = b.clock;
    this.timelineClock = b.timelineClock != null ? b.timelineClock : b.clock;
    this.source = b.source;
    this.runner = b.runner;
    this.policy = b.policy;
    this.random = b.random;
    this.listener = b.listener;
    this.who = b.who;
    if (source.flow().isRtc()) {
      if (b.rtcService == null || who == null) {
        throw new IllegalArgumentException("an RTC flow needs an RtcService and a channel/user");
      }
      engine = new SimulatedRtcEngine(clock, b.rtcService, runner, new EngineEvents());
      engine.setClientRole(who.publisher());
    } else {
      engine = null;
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
    for (Renewal r : active) {
      r.cancel();
    }
    active.clear();
    cancelExpiryTimers();
    if (engine != null) {
      engine.leaveChannel();
    }
    emit(EventKind.LEFT, "stopped", 0);
  }

  public String device() {
    return device;
  }

  public RenewalPolicy policy() {
    return policy;
  }

  /** The engine, for RTC flows; null for JWT flows. */
  public SimulatedRtcEngine engine() {
    return engine;
  }

  /** The token in effect, if any. */
  public FetchedToken currentToken() {
    return current;
  }

  /** When the token in effect runs out on this device's clock (engine kick time for RTC). */
  public Instant currentExpiresAt() {
    return engine != null ? engine.kickAt() : currentExpiresAt;
  }

  /** True while a renewal (fetch, retry wait or engine check) is under way. */
  public boolean isRenewing() {
    return !active.isEmpty();
  }

  public Stats stats() {
    return stats;
  }

  // ---- renewal episodes ----------------------------------------------------------------------

  private void requestRenewal(String why) {
    if (stopped) {
      return;
    }
    emit(EventKind.RENEW_REQUESTED, why, 0);
    if (policy.reactionDelay().isZero()) {
      begin(why);
    } else {
      clock.scheduleAfter(policy.reactionDelay(), () -> begin(why));
    }
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
    if (engine != null) {
      applyToEngine(r, token);
    } else {
      applyTimed(r, token);
    }
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
    awaitingEngine.remove(r);
  }

  // ---- RTC: the engine decides ---------------------------------------------------------------

  private void applyToEngine(Renewal r, FetchedToken token) {
    current = token;
    awaitingEngine.add(r);
    int rc;
    if (!joined) {
      rc =
          who.isAccount()
              ? engine.joinChannelWithUserAccount(token.token(), who.channel(), who.userAccount())
              : engine.joinChannel(token.token(), who.channel(), who.uid());
    } else {
      rc = engine.renewToken(token.token());
    }
    if (rc < 0) {
      awaitingEngine.remove(r);
      emit(EventKind.NOTE, "engine refused the call: " + rc, r.attempt);
      retryOrGiveUp(r, false, "engine returned " + rc, Duration.ZERO);
    }
  }

  private final class EngineEvents implements RtcEngineEventHandler {
    @Override
    public void onJoinChannelSuccess(String channel, String uid) {
      joined = true;
      stats.joins++;
      emit(EventKind.JOINED, channel + " as " + uid + untilKick(), 0);
      settle();
    }

    @Override
    public void onRejoinChannelSuccess(String channel, String uid) {
      stats.rejoins++;
      emit(EventKind.REJOINED, channel + " as " + uid + untilKick(), 0);
    }

    @Override
    public void onTokenPrivilegeWillExpire(String token) {
      stats.willExpire++;
      emit(EventKind.WILL_EXPIRE, untilKick().substring(2), 0);
      if (policy.trigger().onWillExpire()) {
        requestRenewal("will-expire");
      }
    }

    @Override
    public void onRequestToken() {
      emit(EventKind.REQUEST_TOKEN, "the user is out of the channel", 0);
      if (policy.trigger().onRequestToken()) {
        requestRenewal("request-token");
      }
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state, int reason) {
      emit(EventKind.STATE_CHANGED, state + " (" + RtcCodes.reasonName(reason) + ")", 0);
      if (state == ConnectionState.FAILED && reason == RtcCodes.REASON_TOKEN_EXPIRED && joined) {
        stats.kicks++;
        emit(EventKind.KICKED, "token or join privilege expired", 0);
      }
    }

    @Override
    public void onError(int err, String message) {
      lastEngineError = err + " " + message;
      Renewal r = awaitingEngine.peek();
      if (r != null && !joined) {
        emit(EventKind.JOIN_REJECTED, lastEngineError, r.attempt);
        awaitingEngine.poll();
        retryOrGiveUp(
            r,
            err != RtcCodes.ERR_INVALID_TOKEN,
            "join rejected: " + lastEngineError,
            Duration.ZERO);
      }
    }

    @Override
    public void onRenewTokenResult(String token, int code) {
      Renewal r = awaitingEngine.peek();
      if (code == RtcCodes.ERR_OK) {
        stats.renewals++;
        emit(EventKind.RENEWED, current.fingerprint() + untilKick(), r != null ? r.attempt : 0);
        settle();
        return;
      }
      stats.renewRejected++;
      emit(EventKind.RENEW_REJECTED, lastEngineError, r != null ? r.attempt : 0);
      if (r != null) {
        awaitingEngine.poll();
        retryOrGiveUp(
            r,
            code != RtcCodes.ERR_INVALID_TOKEN,
            "renew rejected: " + lastEngineError,
            Duration.ZERO);
      }
    }
  }

  private void settle() {
    Renewal r = awaitingEngine.peek();
    if (r != null) {
      finish(r);
    }
  }

  private String untilKick() {
    Instant kick = engine.kickAt();
    return kick == null
        ? ""
        : ", kick in " + Duration.between(clock.now(), kick).getSeconds() + " s";
  }

  // ---- JWT flows: the session keeps time itself -----------------------------------------------

  private void applyTimed(Renewal r, FetchedToken token) {
    Instant now = clock.now();
    Instant expiresAt;
    if (policy.timerBasis() == RenewalPolicy.TimerBasis.TOKEN_EXP) {
      expiresAt = JwtExp.of(token.token()).orElse(null);
      if (expiresAt == null) {
        retryOrGiveUp(r, false, "token has no readable exp claim", Duration.ZERO);
        return;
      }
    } else {
      expiresAt = now.plusSeconds(Math.max(0, token.expiresInSeconds()));
    }
    if (!expiresAt.isAfter(now)) {
      emit(
          EventKind.TOKEN_EXPIRED,
          "already expired by this device's clock (exp " + expiresAt + ", device now " + now + ")",
          r.attempt);
      retryOrGiveUp(
          r, true, "every token arrives expired: is the device clock ahead?", Duration.ZERO);
      return;
    }
    boolean first = current == null;
    current = token;
    currentExpiresAt = expiresAt;
    cancelExpiryTimers();
    Instant warn = expiresAt.minus(SimulatedRtcEngine.WILL_EXPIRE_LEAD);
    expiryTimers.add(clock.schedule(warn.isBefore(now) ? now : warn, this::timedWillExpire));
    expiryTimers.add(clock.schedule(expiresAt, this::timedExpired));
    String until = ", expires in " + Duration.between(now, expiresAt).getSeconds() + " s";
    if (first) {
      emit(EventKind.READY, token.fingerprint() + until, r.attempt);
    } else {
      stats.renewals++;
      emit(EventKind.RENEWED, token.fingerprint() + until, r.attempt);
    }
    finish(r);
  }

  private void timedWillExpire() {
    stats.willExpire++;
    emit(
        EventKind.WILL_EXPIRE,
        "expires in " + Duration.between(clock.now(), currentExpiresAt).getSeconds() + " s",
        0);
    if (policy.trigger().onWillExpire()) {
      requestRenewal("will-expire");
    }
  }

  private void timedExpired() {
    stats.kicks++;
    emit(EventKind.TOKEN_EXPIRED, "calls with " + current.fingerprint() + " now fail", 0);
    if (policy.trigger().onRequestToken()) {
      requestRenewal("expired");
    }
  }

  private void cancelExpiryTimers() {
    for (SandboxClock.Scheduled t : expiryTimers) {
      t.cancel();
    }
    expiryTimers.clear();
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

  /** One renewal: its attempts and the retry it waits for. */
  private static final class Renewal {
    final String why;
    int attempt;
    SandboxClock.Scheduled retry;
    boolean done;

    Renewal(String why) {
      this.why = why;
    }

    void cancel() {
      done = true;
      if (retry != null) {
        retry.cancel();
        retry = null;
      }
    }
  }

  /** Running counts, for the lab and the soak. */
  public static final class Stats {
    int fetches;
    int tokensIssued;
    int retries;
    int gaveUp;
    int coalesced;
    int joins;
    int rejoins;
    int renewals;
    int renewRejected;
    int willExpire;
    int kicks;

    public int fetches() {
      return fetches;
    }

    public int tokensIssued() {
      return tokensIssued;
    }

    public int retries() {
      return retries;
    }

    public int gaveUp() {
      return gaveUp;
    }

    public int coalesced() {
      return coalesced;
    }

    public int joins() {
      return joins;
    }

    public int rejoins() {
      return rejoins;
    }

    public int renewals() {
      return renewals;
    }

    public int renewRejected() {
      return renewRejected;
    }

    public int willExpire() {
      return willExpire;
    }

    public int kicks() {
      return kicks;
    }
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

    private Builder(String device, SandboxClock clock, TokenSource source) {
      this.device = device;
      this.clock = clock;
      this.source = source;
      this.runner = CallRunner.inline(clock, Duration.ZERO);
    }

    /** The RTC channel and user to join as, and the service that checks tokens. */
    public Builder rtc(RtcTokenQuery who, RtcService service) {
      this.who = who;
      this.rtcService = service;
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
      return new TokenSession(this);
    }
  }
}
