package dev.tokensandbox.desktop.host;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.PairingPayload;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.util.Optional;

/**
 * The window's backend as the view-models see it: its status, its admin interface while it runs,
 * its workspace, and start/stop. {@link BackendHost} is the real one (a {@code SandboxServer} on
 * real time); view-model tests give a fake with an in-memory {@link SandboxAdmin}.
 */
public interface WindowBackend {

  /** Where the backend is in its life. */
  public enum State {
    STOPPED,
    STARTING,
    RUNNING,
    FAILED
  }

  /**
   * What the screens show: state, the loopback URL, the LAN URL, pairing code (typed) and secret
   * (in the QR link) when LAN mode is on, and for a failure or a pairing lock the reason.
   */
  public record Status(
      State state,
      int port,
      String url,
      String lanUrl,
      String pairingCode,
      String pairingSecret,
      String message) {

    static Status stopped(String message) {
      return new Status(State.STOPPED, 0, "", "", "", "", message);
    }

    @Override
    public String toString() {
      return "Status[" + state + ", port=" + port + ", " + message + "]"; // no pairing secrets
    }

    public boolean running() {
      return state == State.RUNNING;
    }

    /** The address a phone or emulator should use: the LAN URL if any, else the emulator's. */
    public String deviceUrl() {
      return !lanUrl.isEmpty() ? lanUrl : port > 0 ? "http://10.0.2.2:" + port : "";
    }

    /** The pairing QR code's text (empty while not running). */
    public String pairingPayload() {
      return running()
          ? PairingPayload.format(deviceUrl(), pairingSecret.isEmpty() ? null : pairingSecret)
          : "";
    }
  }

  /** Hears the host; called on the host's thread (status) or a server thread (traffic). */
  public interface Listener {
    void status(Status status);

    default void traffic(JournalEntry entry) {}
  }

  Workspace workspace();

  Status status();

  /** The running sandbox's admin interface, if one runs: what the view-models talk to. */
  Optional<SandboxAdmin> admin();

  /** Adds a listener and tells it the current status at once; returns what removes it. */
  Runnable addListener(Listener listener);

  /**
   * Starts (or restarts) the backend on {@code port} (0 = any free port), loopback only or on every
   * interface, without blocking the caller; the listeners hear how it went. {@code demoUsers}:
   * whether the documented demo users may log in (the desktop asks before allowing it on the LAN).
   */
  void start(int port, boolean lan, boolean demoUsers);

  /** As {@link #start(int, boolean, boolean)}, with demo users on loopback only. */
  default void start(int port, boolean lan) {
    start(port, lan, !lan);
  }

  void stop();
}
