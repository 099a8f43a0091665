package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.rtc.RtcNames;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.client.session.TokenSession;
import dev.tokensandbox.protocol.Flow;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One virtual device in real time: the client core's {@link TokenSession} (and, for RTC flows, its
 * simulated engine) fetching through the window's backend as {@code X-Sandbox-Device: name}. Every
 * command runs on the devices' clock thread, as the core requires; {@link Snapshot}s of its state
 * are taken there too and handed to the listener.
 */
final class VirtualDevice {
  /** The device's state at one moment, safe to read on any thread. */
  record Snapshot(
      String name,
      Flow flow,
      String state,
      String token,
      Instant expiresAt,
      int renewals,
      int failures,
      TimelineEvent event) {}

  private final String name;
  private final Flow flow;
  private final SandboxClock clock;
  private final TokenSession session;
  private final Consumer<Snapshot> listener;
  private int failures;
  private volatile boolean started;
  private volatile boolean stopped;

  VirtualDevice(
      String name,
      Flow flow,
      int lifetimeSeconds,
      RenewalPolicy policy,
      BackendClient client,
      dev.tokensandbox.tools.check.YourBackend yours,
      SandboxClock clock,
      Executor io,
      Consumer<Snapshot> listener) {
    this.name = name;
    this.flow = flow;
    this.clock = clock;
    this.listener = listener;
    RtcTokenQuery who =
        RtcTokenQuery.uid(
            "sandbox-demo", 1000 + Math.abs(name.hashCode() % 9000), true, lifetimeSeconds);
    // Your backend is asked as its seed's clients ask it (no sandbox login); the sandbox's own
    // backend as the demo user, which it knows.
    TokenSession.Builder builder =
        TokenSession.builder(
                name,
                clock,
                yours != null
                    ? yours.tokenSource(client, who)
                    : dev.tokensandbox.client.session.TokenSource.backend(
                        client, flow, who, "alice", "alice-demo"))
            .policy(policy)
            .runner(CallRunner.background(clock, io))
            .listener(this::onEvent);
    if (flow.isRtc()) {
      builder.rtc(who, yours != null ? yours.rtcService() : RtcService.backend(client));
    }
    this.session = builder.build();
  }

  String name() {
    return name;
  }

  Flow flow() {
    return flow;
  }

  /** Fetches a token and joins (RTC) or starts the session timers (JWT flows). */
  void start() {
    if (!started) {
      started = true;
      onClock(session::start);
    }
  }

  /** True once stopped: a stopped session cannot start again (make a new device). */
  boolean stopped() {
    return stopped;
  }

  /** Asks for a fresh token now, as an app coming back to the foreground would. */
  void renew() {
    onClock(() -> session.refresh("renew from the Devices screen"));
  }

  /** RTC flows: the engine behaves as if the token expired this instant. */
  void expireNow() {
    onClock(
        () -> {
          if (session.simulatedEngine() != null) {
            session.simulatedEngine().expireNow();
          }
        });
  }

  void stop() {
    stopped = true;
    onClock(session::stop);
  }

  private void onClock(Runnable command) {
    clock.schedule(clock.now(), command);
  }

  private void onEvent(TimelineEvent event) {
    if (event.kind().isFailure()) {
      failures++;
    }
    FetchedToken token = session.currentToken();
    listener.accept(
        new Snapshot(
            name,
            flow,
            session.engine() != null
                ? RtcNames.state(session.connectionState())
                : sessionState(event),
            token == null ? "" : token.fingerprint(),
            session.currentExpiresAt(),
            session.stats().renewals(),
            failures,
            event));
  }

  private static String sessionState(TimelineEvent event) {
    return switch (event.kind()) {
      case LEFT -> "STOPPED";
      case GAVE_UP -> "GAVE_UP";
      default -> "ACTIVE";
    };
  }
}
