package dev.tokensandbox.desktop.lab;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.ClockPacer;
import dev.tokensandbox.client.clock.ExecutorClock;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.PresetRun;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.tools.check.CheckStep;
import dev.tokensandbox.tools.check.CheckTarget;
import dev.tokensandbox.tools.check.RenewalRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The expiry lab's engine room, off the FX thread: a virtual clock paced against a real one, a mock
 * backend of its own whose time is that virtual clock (so fast-forwarding never skews the main
 * backend), and the client core's virtual devices running QA presets on it. Every command and every
 * device callback runs on the real clock's single thread; the listener is called there.
 */
public final class LabRuntime implements AutoCloseable {
  static final Duration FRAME = Duration.ofMillis(100);

  /** What the lab reports; called on the lab's core thread. */
  public interface Listener {
    void started(QaPreset preset, Instant start);

    /**
     * One timeline event; {@code tokenExpiresAt} is when the device's token (or its join privilege)
     * runs out as of this event, null when it holds none.
     */
    void event(TimelineEvent event, Instant tokenExpiresAt);

    void finished(PresetResult result);

    void time(Instant virtualNow, double speed);

    /** A run against an integrator's backend began (real time: {@code time} then reports it). */
    default void externalStarted(CheckTarget target, Instant start, Duration runFor) {}

    /** That run ended: the renewal run's step, with its findings. */
    default void externalFinished(CheckStep step) {}
  }

  private final SandboxClock real;
  private final VirtualClock virtual;
  private final ClockPacer pacer;
  private final SandboxServer server;
  private final BackendClient client;
  private final Listener listener;
  private final AutoCloseable onClose;
  private PresetRun current;
  private boolean closed;

  /** Counts runs against a backend; a newer run (or a preset) silences an older one's events. */
  private final java.util.concurrent.atomic.AtomicLong externalRuns =
      new java.util.concurrent.atomic.AtomicLong();

  private volatile boolean external;

  LabRuntime(
      SandboxClock real,
      Instant start,
      Workspace workspace,
      Listener listener,
      AutoCloseable onClose) {
    this.real = real;
    this.virtual = new VirtualClock(start.truncatedTo(ChronoUnit.SECONDS));
    this.pacer = new ClockPacer(virtual, real, Duration.ofMillis(250));
    this.listener = listener;
    this.onClose = onClose;
    this.server =
        SandboxServer.builder()
            .workspace(workspace)
            .time(SandboxTime.following(virtual::now))
            .port(0)
            .log(line -> {})
            .start();
    this.client = BackendClient.builder(server.url()).build();
    real.schedule(real.now(), this::frame);
  }

  /** A lab on the system clock with its own core thread. */
  public static LabRuntime system(Workspace workspace, Listener listener) {
    ExecutorClock real = ExecutorClock.system("lab-core");
    return new LabRuntime(real, Clock.systemUTC().instant(), workspace, listener, real);
  }

  /** A lab driven by {@code real} (tests pass a VirtualClock and advance it themselves). */
  public static LabRuntime on(
      SandboxClock real, Instant start, Workspace workspace, Listener listener) {
    return new LabRuntime(real, start, workspace, listener, () -> {});
  }

  public String backendUrl() {
    return server.url();
  }

  /**
   * Runs a virtual device against {@code target} (an integrator's backend) in real time, off the
   * lab's core thread: its server's clock cannot be fast-forwarded. {@code tokenSeconds}-long
   * tokens make {@code onTokenPrivilegeWillExpire} come every {@code tokenSeconds - 30} s.
   */
  public void runAgainst(CheckTarget target, int tokenSeconds, Duration runFor) {
    submit(
        () -> {
          if (current != null && current.result() == null) {
            current.session().stop();
          }
          current = null;
          pacer.pause();
          long run = externalRuns.incrementAndGet();
          external = true;
          Thread thread =
              new Thread(
                  () -> {
                    try (RenewalRun.RealTime time = new RenewalRun.RealTime()) {
                      if (externalRuns.get() != run) {
                        return; // a preset (or a newer run) started before this thread did
                      }
                      listener.externalStarted(target, time.clock().now(), runFor);
                      CheckStep step =
                          new RenewalRun(time, tokenSeconds, runFor)
                              .run(
                                  target,
                                  (e, expiresAt) -> {
                                    if (externalRuns.get() == run) {
                                      listener.event(e, expiresAt);
                                    }
                                  });
                      if (externalRuns.get() == run) {
                        listener.externalFinished(step);
                      }
                    } catch (RuntimeException e) {
                      listener.externalFinished(
                          new CheckStep(
                              "renewal run",
                              target.baseUrl(),
                              java.util.List.of(
                                  new CheckStep.Finding(
                                      "the run stopped: " + e.getMessage(),
                                      "Check the URL and that the server is up.")),
                              null));
                    } finally {
                      if (externalRuns.get() == run) {
                        external = false;
                      }
                    }
                  },
                  "lab-your-backend");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** Starts {@code preset} now (a run in progress is abandoned) and plays it at {@code speed}. */
  public void run(QaPreset preset, double speed) {
    submit(
        () -> {
          externalRuns.incrementAndGet();
          external = false;
          if (current != null && current.result() == null) {
            current.session().stop();
          }
          PresetRun[] run = new PresetRun[1];
          current =
              PresetRun.start(
                  preset,
                  virtual,
                  client,
                  e ->
                      listener.event(
                          e, run[0] == null ? null : run[0].session().currentExpiresAt()),
                  result -> {
                    listener.finished(result);
                    // Stop the clock at the end of the run (not from inside the clock's advance).
                    submit(pacer::pause);
                  });
          run[0] = current;
          listener.started(preset, current.start());
          pacer.play(speed);
        });
  }

  public void play(double speed) {
    submit(() -> pacer.play(speed));
  }

  public void pause() {
    submit(pacer::pause);
  }

  /** The running device's engine behaves as if its token expired this instant. */
  public void expireNow() {
    submit(
        () -> {
          if (current != null
              && current.result() == null
              && current.session().simulatedEngine() != null) {
            current.session().simulatedEngine().expireNow();
          }
        });
  }

  /** Adds {@code rule} to the lab backend's fault plan now (null clears the plan). */
  public void fault(FaultRule rule) {
    submit(
        () -> {
          if (rule == null) {
            server.admin().clearFaults();
          } else {
            server.admin().addFault(rule);
          }
        });
  }

  public void jumpToNextEvent() {
    submit(pacer::jumpToNextEvent);
  }

  private void submit(Runnable command) {
    real.schedule(
        real.now(),
        () -> {
          if (closed) {
            return;
          }
          pacer.sync();
          command.run();
          report();
        });
  }

  private void frame() {
    if (closed) {
      return;
    }
    pacer.sync();
    report();
    if (current != null && current.result() != null && !pacer.isPaused()) {
      pacer.pause();
    }
    real.schedule(real.now().plus(FRAME), this::frame);
  }

  private void report() {
    if (external) {
      listener.time(real.now(), 1);
    } else {
      listener.time(virtual.now(), pacer.speed());
    }
  }

  /** The lab backend's admin interface (its traffic shows on the Traffic screen). */
  public dev.tokensandbox.protocol.admin.SandboxAdmin admin() {
    return server.admin();
  }

  @Override
  public void close() {
    submit(() -> closed = true);
    server.close();
    try {
      onClose.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the lab's core thread", e);
    }
  }
}
