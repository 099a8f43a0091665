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
    return run(target, (e, expiresAt) -> {});
  }

  /**
   * Runs the device against {@code target}; {@code events} hears its timeline as it happens, with
   * when the token then in effect runs out (null before the first).
   */
  public CheckStep run(
      CheckTarget target, java.util.function.BiConsumer<TimelineEvent, Instant> events) {
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
      TokenSession session =
          TokenSession.builder(
                  "check",
                  clock,
                  TokenSource.backend(
                      BackendClient.builder(target.baseUrl()).build(),
                      target.flow(),
                      who,
                      null,
                      null))
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
      return new CheckStep("renewal run", request, findings(seen, start), null);
    }
  }

  private List<Finding> findings(List<TimelineEvent> events, Instant start) {
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
                    "Answer renewals quickly with a fresh token for the same channel and uid."));
        case JOIN_REJECTED, RENEW_REJECTED ->
            out.add(
                new Finding(
                    at + "the RTC service refused the server's token: " + e.detail(),
                    "Sign with the App ID and certificate given, for the channel and uid asked."));
        case FETCH_FAILED ->
            out.add(
                new Finding(
                    at + "fetching a token failed: " + e.detail(),
                    "The token route must answer every renewal."));
        default -> {}
      }
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
              "Issue the lifetime the request asks (expireSeconds / ?expiry=)."));
    }
    return out;
  }
}
