package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.protocol.admin.Exchange;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The window's backend without a server: running at once on a made-up port, administered by an
 * {@link InMemoryAdmin}, telling its listeners everything on the calling thread. For view-model
 * tests that run with {@code TaskExecutor.currentThread()}: nothing starts, nothing is awaited.
 */
public final class FakeBackend implements WindowBackend {
  public final InMemoryAdmin admin = new InMemoryAdmin(SandboxUnderTest.WORKSPACE);
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private Status status = running(8080);

  private static Status running(int port) {
    return new Status(
        State.RUNNING, port, "http://127.0.0.1:" + port, "", "", "", "Running on " + port);
  }

  /** What a request through the backend leaves: a journal entry, told to the listeners. */
  public void request(JournalEntry entry, Exchange unredacted) {
    admin.record(entry, unredacted);
    listeners.forEach(l -> l.traffic(entry));
  }

  @Override
  public Workspace workspace() {
    return SandboxUnderTest.WORKSPACE;
  }

  @Override
  public Status status() {
    return status;
  }

  @Override
  public Optional<SandboxAdmin> admin() {
    return status.running() ? Optional.of(admin) : Optional.empty();
  }

  @Override
  public Runnable addListener(Listener listener) {
    listeners.add(listener);
    listener.status(status);
    return () -> listeners.remove(listener);
  }

  @Override
  public void start(int port, boolean lan, boolean demoUsers) {
    tell(running(port == 0 ? 8080 : port));
  }

  @Override
  public void stop() {
    tell(new Status(State.STOPPED, 0, "", "", "", "", "Stopped"));
  }

  private void tell(Status now) {
    status = now;
    listeners.forEach(l -> l.status(now));
  }
}
