package dev.tokensandbox.desktop.host;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The window's mock backend: one {@link SandboxServer} on real time that can be started, stopped
 * and restarted (port, LAN mode) without blocking the caller. Status changes and every journal
 * entry go to the {@link Listener}s on the host's own thread; screens marshal them to the UI.
 */
public final class BackendHost implements WindowBackend, AutoCloseable {

  private final Workspace workspace;
  private final Supplier<Optional<String>> lanAddress;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "backend-host");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile SandboxServer server;
  private volatile Status status = Status.stopped("Not started");
  private Runnable unsubscribe = () -> {};

  /**
   * @param lanAddress this machine's address on the LAN (see {@link
   *     dev.tokensandbox.backend.server.LanAddress#find()}), asked when LAN mode starts
   */
  public BackendHost(Workspace workspace, Supplier<Optional<String>> lanAddress) {
    this.workspace = workspace;
    this.lanAddress = lanAddress;
  }

  @Override
  public Workspace workspace() {
    return workspace;
  }

  @Override
  public Status status() {
    return status;
  }

  /** The running server, if any: its lifecycle is the host's alone. */
  public Optional<SandboxServer> server() {
    return Optional.ofNullable(server);
  }

  /** The running sandbox's admin interface, if one runs: what the view-models talk to. */
  @Override
  public Optional<SandboxAdmin> admin() {
    return server().map(SandboxServer::admin);
  }

  /** Adds a listener and tells it the current status at once. */
  @Override
  public Runnable addListener(Listener listener) {
    listeners.add(listener);
    listener.status(status);
    return () -> listeners.remove(listener);
  }

  /** If the port is taken, says so and does not fall back silently. */
  @Override
  public void start(int port, boolean lan, boolean demoUsers) {
    worker.execute(() -> doStart(port, lan, demoUsers));
  }

  @Override
  public void stop() {
    worker.execute(() -> doStop("Stopped"));
  }

  private void doStart(int port, boolean lan, boolean demoUsers) {
    doStop("Restarting");
    publish(new Status(State.STARTING, port, "", "", "", "", "Starting on port " + port + "…"));
    try {
      SandboxServer started =
          SandboxServer.builder()
              .workspace(workspace)
              .port(port)
              .lan(lan)
              .demoUsers(demoUsers)
              .start();
      server = started;
      Runnable unsubscribeTraffic = started.admin().subscribeJournal(this::traffic, skipped -> {});
      Runnable unsubscribeLock =
          started
              .pairing()
              .map(pairing -> pairing.onLock(lock -> worker.execute(() -> locked(started, lock))))
              .orElse(() -> {});
      unsubscribe =
          () -> {
            unsubscribeTraffic.run();
            unsubscribeLock.run();
          };
      String lanUrl =
          lan
              ? lanAddress.get().map(host -> "http://" + host + ":" + started.port()).orElse("")
              : "";
      publish(
          new Status(
              State.RUNNING,
              started.port(),
              started.url(),
              lanUrl,
              started.pairingCode().orElse(""),
              started.pairing().map(dev.tokensandbox.backend.server.Pairing::secret).orElse(""),
              lan && lanUrl.isEmpty()
                  ? "LAN mode is on, but this machine has no LAN address"
                  : "Running"));
    } catch (RuntimeException e) {
      publish(new Status(State.FAILED, port, "", "", "", "", reason(port, e)));
    }
  }

  /** Too many wrong pairing codes: typing the code is locked for a while; say so. */
  private void locked(SandboxServer lockedServer, dev.tokensandbox.protocol.PairingLock lock) {
    if (server != lockedServer) {
      return; // a lock of a server that has since stopped
    }
    Status now = status;
    publish(
        new Status(
            now.state(),
            now.port(),
            now.url(),
            now.lanUrl(),
            now.pairingCode(),
            now.pairingSecret(),
            "Pairing locked at "
                + java.time.LocalTime.ofInstant(lock.at(), java.time.ZoneId.systemDefault())
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " until "
                + java.time.LocalTime.ofInstant(lock.until(), java.time.ZoneId.systemDefault())
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ": "
                + lock.describe()));
  }

  private static String reason(int port, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return "Port " + port + " is in use: choose another port (0 = any free port)";
      }
    }
    return "Could not start: " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private void doStop(String message) {
    SandboxServer current = server;
    if (current == null) {
      return;
    }
    unsubscribe.run();
    server = null;
    current.close();
    publish(Status.stopped(message));
  }

  private void traffic(JournalEntry entry) {
    for (Listener listener : listeners) {
      listener.traffic(entry);
    }
  }

  private void publish(Status next) {
    status = next;
    for (Listener listener : listeners) {
      listener.status(next);
    }
  }

  /** Stops the backend and waits for it (the window is closing). */
  @Override
  public void close() {
    worker.execute(() -> doStop("Stopped"));
    worker.shutdown();
    try {
      if (!worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
