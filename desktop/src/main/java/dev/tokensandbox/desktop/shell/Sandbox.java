package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.backend.server.LanAddress;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.clock.ExecutorClock;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.desktop.diagram.ArchitectureViewModel;
import dev.tokensandbox.desktop.host.BackendClients;
import dev.tokensandbox.desktop.host.BackendHost;
import dev.tokensandbox.desktop.inspect.InspectViewModel;
import dev.tokensandbox.desktop.issue.IssueViewModel;
import dev.tokensandbox.desktop.issue.TokenIssuer;
import dev.tokensandbox.desktop.lab.LabRuntime;
import dev.tokensandbox.desktop.lab.LabViewModel;
import dev.tokensandbox.desktop.scenarios.ScenariosViewModel;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.desktop.tokens.TokenReader;
import dev.tokensandbox.desktop.traffic.TrafficViewModel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything behind the window, wired once: the window's backend ({@link BackendHost}), the Expiry
 * lab's runtime, the shared HTTP client and I/O threads, and one view-model per screen. The app,
 * the snapshot command and the UI tests all open the same thing.
 */
public final class Sandbox implements AutoCloseable {

  /**
   * How to open: the workspace whose credentials the backend uses, the port (0 = any), the
   * directory for window state and scenarios, the clock screens read, and the UI thread.
   */
  public record Options(Workspace workspace, int port, Path home, Clock clock, Executor ui) {}

  private final ExecutorService io =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "sandbox-io");
            thread.setDaemon(true);
            return thread;
          });
  private final BackendClients clients = new BackendClients();
  private final ExecutorClock deviceClock = ExecutorClock.system("virtual-devices");
  private final BackendHost host;
  private LabRuntime labRuntime;
  private boolean closed;
  public final ShellViewModel shell;
  public final ArchitectureViewModel architecture;
  public final IssueViewModel issue;
  public final InspectViewModel inspect;
  public final LabViewModel lab;
  public final TrafficViewModel traffic;
  public final DevicesViewModel devices;
  public final dev.tokensandbox.desktop.devices.PairedDevicesViewModel paired;
  public final ScenariosViewModel scenarios;

  private Sandbox(Options o) {
    host = new BackendHost(o.workspace(), LanAddress::find);
    shell =
        new ShellViewModel(
            new WindowStateFile(o.home() == null ? null : o.home().resolve("desktop.properties")));
    TokenReader reader = new TokenReader(o.workspace(), o.clock());
    TaskExecutor tasks = TaskExecutor.of(io, o.ui());
    architecture = new ArchitectureViewModel(host, tasks);
    architecture.portProperty().set(Integer.toString(o.port()));
    issue =
        new IssueViewModel(host, new TokenIssuer(clients, IssueViewModel.CLIENT), tasks, reader);
    inspect = new InspectViewModel(reader);
    lab = new LabViewModel(tasks);
    traffic = new TrafficViewModel(host, tasks);
    // The lab's backend gets throwaway credentials: its tokens live in virtual time only. It
    // starts in the background so the window does not wait for it.
    io.execute(
        () -> {
          LabRuntime runtime = LabRuntime.system(Workspace.generate(new SecureRandom()), lab);
          synchronized (this) {
            if (closed) {
              runtime.close();
              return;
            }
            labRuntime = runtime;
          }
          o.ui()
              .execute(
                  () -> {
                    lab.attach(runtime);
                    traffic.follow(TrafficViewModel.LAB, runtime.admin(), tasks);
                  });
        });
    // Revealed secrets do not stay on screen once the user looks elsewhere.
    shell
        .screenProperty()
        .addListener(
            (obs, was, now) -> {
              if (was == Screen.TRAFFIC) {
                traffic.hide();
              }
            });
    devices = new DevicesViewModel(host, clients, deviceClock, tasks);
    paired = new dev.tokensandbox.desktop.devices.PairedDevicesViewModel(host, deviceClock, tasks);
    scenarios =
        new ScenariosViewModel(
            host,
            new dev.tokensandbox.desktop.scenarios.WindowParts(architecture, issue, devices, lab),
            new dev.tokensandbox.desktop.scenarios.ScenarioStore(
                o.home() == null ? Path.of(".") : o.home().resolve("scenarios")),
            tasks,
            o.clock());
  }

  /** Wires everything and starts the backend on {@code options.port()} in the background. */
  public static Sandbox open(Options options) {
    Sandbox sandbox = new Sandbox(options);
    sandbox.host.start(options.port(), false);
    return sandbox;
  }

  /** True once the lab's own backend runs (its view-model hears so through the UI thread). */
  public synchronized boolean labStarted() {
    return labRuntime != null;
  }

  public BackendHost host() {
    return host;
  }

  /** Once a second: countdowns move. */
  public void tick() {
    issue.tick();
    inspect.tick();
    devices.tick();
    paired.tick();
  }

  @Override
  public void close() {
    devices.close();
    synchronized (this) {
      closed = true;
      if (labRuntime != null) {
        labRuntime.close();
      }
    }
    host.close();
    deviceClock.close();
    // Let a task finish (the lab's backend may still be starting): interrupting it mid-start
    // left Jetty to print a stack trace on the way out.
    io.shutdown();
    try {
      if (!io.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        io.shutdownNow();
      }
    } catch (InterruptedException e) {
      io.shutdownNow();
      Thread.currentThread().interrupt();
    }
    clients.close();
  }
}
