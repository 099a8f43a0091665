package dev.tokensandbox.tools.check;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.client.session.TokenSession;
import dev.tokensandbox.client.session.TokenSource;
import dev.tokensandbox.tools.check.CheckStep.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A virtual device against the server under check: it fetches short tokens from the server's route,
 * joins, receives {@code onTokenPrivilegeWillExpire} and renews through the server — the sandbox's
 * RTC service, started here with the integrator's App ID and certificate, checks every token. Clean
 * when the device renewed and was never kicked or refused. The CLI runs it in real time; tests in
 * virtual time.
 */
public final class RenewalRun {
  /** Where the run's time comes from: the device's clock, how calls run, and how to wait. */
  public interface Time {
    SandboxClock clock();

    CallRunner runner();

    /** Lets {@code d} pass on {@link #clock()} (blocks in real time; advances in virtual). */
    void await(Duration d);
  }

  /** Real time: a clock thread, a small I/O pool, and waiting on the clock. Close it after use. */
  public static final class RealTime implements Time, AutoCloseable {
    private final dev.tokensandbox.client.clock.ExecutorClock clock =
        dev.tokensandbox.client.clock.ExecutorClock.system("renewal-run");
    private final java.util.concurrent.ExecutorService io =
        java.util.concurrent.Executors.newFixedThreadPool(2);

    @Override
    public SandboxClock clock() {
      return clock;
    }

    @Override
    public CallRunner runner() {
      return CallRunner.background(clock, io);
    }

    @Override
    public void await(Duration d) {
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      clock.scheduleAfter(d, done::countDown);
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      io.shutdownNow();
      clock.close();
    }
  }

  private final Time time;
  private final int tokenSeconds;
  private final Duration runFor;

  /**
   * @param tokenSeconds the lifetime asked of the server (over 30 s: will-expire comes 30 s early)
   * @param runFor how long the device stays in the channel
   */
  public RenewalRun(Time time, int tokenSeconds, Duration runFor) {
    if (tokenSeconds <= 30) {
      throw new IllegalArgumentException("token lifetime must be over 30 s (will-expire lead)");
    }
    this.time = time;
    this.tokenSeconds = tokenSeconds;
    this.runFor = runFor;
  }

  CheckStep run(CheckTarget target) {
    return run(target, java.util.Map.of());
  }

  /**
   * As {@link #run(CheckTarget, java.util.function.BiConsumer)}, knowing the tokens the server
   * answered before (token → the check that got it): one answered again to the renewal run was
   * cached.
   */
  CheckStep run(CheckTarget target, java.util.Map<String, String> answeredBefore) {
    return run(target, answeredBefore, (e, expiresAt) -> {});
  }

  /**
   * Runs the device against {@code target}; {@code events} hears its timeline as it happens, with
   * when the token then in effect runs out (null before the first).
   */
  public CheckStep run(
      CheckTarget target, java.util.function.BiConsumer<TimelineEvent, Instant> events) {
    return run(target, java.util.Map.of(), events);
  }

  private CheckStep run(
      CheckTarget target,
      java.util.Map<String, String> answeredBefore,
      java.util.function.BiConsumer<TimelineEvent, Instant> events) {
    String request =
        String.format(
            Locale.ROOT,
            "%s %d s tokens for uid %s in %s, %d s in the channel",
            target.flow().label(),
            tokenSeconds,
            ContractCheck.UID,
            ContractCheck.CHANNEL,
            runFor.getSeconds());
    java.util.Optional<String> problem = YourBackend.problem(target);
    if (problem.isPresent()) {
      return new CheckStep(
          "renewal run",
          request,
          List.of(
              new Finding(
                  "the credentials given cannot check tokens: " + problem.get(),
                  "Give the project's App ID and App Certificate (32 hex digits each).")),
          null);
    }
    SandboxClock clock = time.clock();
    List<TimelineEvent> seen = new CopyOnWriteArrayList<>();
    try (YourBackend service = YourBackend.open(target, SandboxTime.following(clock::now))) {
      RtcTokenQuery who =
          RtcTokenQuery.uid(
              ContractCheck.CHANNEL, Long.parseLong(ContractCheck.UID), true, tokenSeconds);
      TokenSession[] current = new TokenSession[1];
      List<Fetched> fetched = new CopyOnWriteArrayList<>();
      TokenSource yours = service.tokenSource(BackendClient.builder(target.baseUrl()).build(), who);
      TokenSource watched =
          new TokenSource() {
            @Override
            public dev.tokensandbox.client.backend.Outcome<
                    dev.tokensandbox.client.backend.FetchedToken>
                fetch() {
              var outcome = yours.fetch();
              outcome
                  .successValue()
                  .ifPresent(t -> fetched.add(new Fetched(clock.now(), t.token())));
              return outcome;
            }

            @Override
            public dev.tokensandbox.protocol.Flow flow() {
              return yours.flow();
            }
          };
      TokenSession session =
          TokenSession.builder("check", clock, watched)
              .rtc(who, service.rtcService())
              .runner(time.runner())
              .listener(
                  e -> {
                    seen.add(e);
                    events.accept(e, current[0] == null ? null : current[0].currentExpiresAt());
                  })
              .build();
      current[0] = session;
      Instant start = clock.now();
      clock.schedule(start, session::start);
      time.await(runFor);
      clock.schedule(clock.now(), session::stop);
      time.await(Duration.ZERO);
      return new CheckStep(
          "renewal run", request, findings(seen, fetched, start, answeredBefore), null);
    }
  }

  /** A token the server answered, and when. */
  private record Fetched(Instant at, String token) {}

  private List<Finding> findings(
      List<TimelineEvent> events,
      List<Fetched> fetched,
      Instant start,
      java.util.Map<String, String> answeredBefore) {
    // What the tokens themselves show (a cache, a wrong clock, a wrong lifetime) explains the
    // kicks and refusals that follow from it: say that, once.
    List<Finding> named = new ArrayList<>();
    freshness(fetched, start, answeredBefore, named);
    List<Finding> out = new ArrayList<>();
    int renewals = 0;
    for (TimelineEvent e : events) {
      String at = "+" + Duration.between(start, e.at()).getSeconds() + " s: ";
      switch (e.kind()) {
        case RENEWED -> renewals++;
        case KICKED ->
            out.add(
                new Finding(
                    at
                        + "the device was kicked: no renewed token arrived before the old one expired",
                    "Answer renewals quickly with a fresh token for the same channel and uid.",
                    "kicked"));
        case JOIN_REJECTED, RENEW_REJECTED ->
            out.add(
                new Finding(
                    at + "the RTC service refused the server's token: " + e.detail(),
                    "Sign with the App ID and certificate given, for the channel and uid asked.",
                    e.detail().contains("signature")
                        ? "signature"
                        : e.detail().contains("token is for")
                            ? "identity"
                            : e.detail().contains("AccessToken2") ? "LEGACY_006" : "refused"));
        case FETCH_FAILED ->
            out.add(
                new Finding(
                    at + "fetching a token failed: " + e.detail(),
                    "The token route must answer every renewal.",
                    "fetch-failed"));
        case FINDING ->
            out.add(
                new Finding(
                    at + e.detail(),
                    "Issue tokens that live longer than the SDK's 30 s will-expire warning.",
                    "storm"));
        default -> {}
      }
    }
    if (!named.isEmpty()) {
      // A kick, or a refusal for an expired token, follows from what the tokens showed; a wrong
      // signature, identity or a failed fetch is a cause of its own.
      java.util.Set<String> own = java.util.Set.of("signature", "identity", "fetch-failed");
      for (Finding f : out) {
        if (own.contains(f.cause()) && named.stream().noneMatch(n -> n.cause().equals(f.cause()))) {
          named.add(f);
        }
      }
      return named;
    }
    if (renewals == 0 && out.isEmpty()) {
      out.add(
          new Finding(
              "no renewal in "
                  + runFor.getSeconds()
                  + " s with "
                  + tokenSeconds
                  + " s tokens: the server's tokens outlived the run (does it honour the"
                  + " lifetime asked?)",
              "Issue the lifetime the request asks (expireSeconds / ?expiry=).",
              "lifetime"));
    }
    return out;
  }

  /**
   * The first token's lifetime against the one asked: a lint error (milliseconds, an absolute time)
   * under its own code, so it is the same cause as in the token checks; any other difference as
   * {@code lifetime}.
   */
  private void lifetime(dev.tokensandbox.backend.tokens.AccessToken2Info t, List<Finding> out) {
    boolean named = false;
    java.time.Clock atIssue = java.time.Clock.fixed(t.issuedAt(), java.time.ZoneOffset.UTC);
    for (var w : new dev.tokensandbox.backend.tokens.TokenLinter(atIssue).lint(t)) {
      if (w.code().name().startsWith("EXPIRE_LOOKS")
          && out.stream().noneMatch(f -> f.cause().equals(w.code().name()))) {
        named = true;
        out.add(new Finding(w.code().name() + ": " + w.message(), w.fix(), w.code().name()));
      }
    }
    if (!named && t.expire() != tokenSeconds) {
      boolean millis = t.expire() == tokenSeconds * 1000L;
      var code = dev.tokensandbox.backend.tokens.LintCode.EXPIRE_LOOKS_MILLIS;
      out.add(
          new Finding(
              "the renewal run asked for "
                  + tokenSeconds
                  + " s tokens and got "
                  + t.expire()
                  + " s ones"
                  + (millis ? ": milliseconds passed as seconds" : ""),
              millis
                  ? code.fix()
                  : "Issue the lifetime the request asks (expireSeconds / ?expiry=).",
              millis ? code.name() : "lifetime"));
    }
  }

  /**
   * What the tokens themselves say about the server: the same token answered twice (a cache), a
   * token answered after its own expiry, a token issued off this machine's clock (the server's
   * clock is wrong). Each named once, with the figures.
   */
  private void freshness(
      List<Fetched> fetched,
      Instant start,
      java.util.Map<String, String> answeredBefore,
      List<Finding> out) {
    java.util.Map<String, Fetched> first = new java.util.HashMap<>();
    boolean cached = false;
    boolean expired = false;
    boolean skewed = false;
    for (Fetched f : fetched) {
      var decoded = dev.tokensandbox.backend.tokens.TokenDecoder.decode(f.token());
      if (!(decoded instanceof dev.tokensandbox.backend.tokens.AccessToken2Info t)) {
        continue;
      }
      Instant expiresAt = t.expiresAt();
      String before = answeredBefore.get(f.token());
      if (before != null && !cached) {
        cached = true;
        out.add(
            new Finding(
                "your server cached the token: the renewal run asked for a "
                    + tokenSeconds
                    + " s token and got the one answered to \""
                    + before
                    + "\" before, which lives "
                    + t.expire()
                    + " s",
                "Build a fresh token per request; a cache must key on channel, user, role and"
                    + " lifetime, and never serve a token past half its life.",
                "cached"));
      }
      Fetched earlier = first.putIfAbsent(f.token(), f);
      if (earlier != null && !cached) {
        cached = true;
        out.add(
            new Finding(
                "your server cached the token: the same token came back "
                    + Duration.between(earlier.at(), f.at()).getSeconds()
                    + " s later, "
                    + Duration.between(f.at(), expiresAt).getSeconds()
                    + " s before it expired (a renewal must bring a new expiry)",
                "Answer a renewal with a fresh token; a cache must never serve a token past half"
                    + " its life.",
                "cached"));
      }
      if (!expiresAt.isAfter(f.at()) && !expired) {
        expired = true;
        out.add(
            new Finding(
                "+"
                    + Duration.between(start, f.at()).getSeconds()
                    + " s: the server answered a token that had expired "
                    + Duration.between(expiresAt, f.at()).getSeconds()
                    + " s earlier",
                "Never serve an expired token: build a fresh one per request.",
                "expired-served"));
      }
      if (f == fetched.get(0)) {
        lifetime(t, out);
      }
      long off = Duration.between(f.at(), t.issuedAt()).getSeconds();
      if (Math.abs(off) > TokenInspection.SKEW_LIMIT.getSeconds() && !skewed) {
        skewed = true;
        out.add(
            new Finding(
                "the server's clock is "
                    + Math.abs(off)
                    + " s "
                    + (off > 0 ? "ahead of" : "behind")
                    + " this machine's: its tokens say they were issued "
                    + Math.abs(off)
                    + " s "
                    + (off > 0 ? "in the future" : "in the past")
                    + ", so they expire "
                    + (off > 0 ? "late" : "early")
                    + " by as much",
                "Sync the server's clock (NTP); tokens are issued with the system clock.",
                "clock"));
      }
    }
  }
}
