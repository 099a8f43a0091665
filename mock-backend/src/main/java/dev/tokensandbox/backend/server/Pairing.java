package dev.tokensandbox.backend.server;

import dev.tokensandbox.backend.internal.http.PairingCheck;
import dev.tokensandbox.protocol.PairingLock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * LAN mode's pairing gate as users of the server see it: the 6-digit code a person types, the
 * secret the QR link carries, and the lock that follows too many wrong codes ({@link
 * #GLOBAL_BUDGET} from the whole network; {@link #MAX_FAILURES_PER_PEER} per peer a minute).
 */
public final class Pairing {
  /** Wrong codes one peer may send a minute before it is throttled. */
  public static final int MAX_FAILURES_PER_PEER = PairingCheck.MAX_FAILURES_PER_PEER;

  /** Wrong codes, from all peers together, after which typing the code is locked. */
  public static final int GLOBAL_BUDGET = PairingCheck.GLOBAL_BUDGET;

  private final PairingCheck check;

  Pairing(PairingCheck check) {
    this.check = check;
  }

  /** The code a person types on the phone. */
  public String code() {
    return check.code();
  }

  /** The secret the QR link carries: never throttled, never locked, never journaled. */
  public String secret() {
    return check.secret();
  }

  /** The lock in force now, if any. */
  public Optional<PairingLock> currentLock() {
    return check.currentLock();
  }

  /** Hears every new lock; returns what stops it. */
  public Runnable onLock(Consumer<PairingLock> listener) {
    return check.onLock(listener);
  }

  /**
   * Checks {@code code} as the gate does for a request from {@code peer} — counting toward that
   * peer's and the network's budget of wrong codes — and says whether it would pass.
   */
  public boolean accepts(String peer, String code) {
    return check.accepts(peer, code);
  }
}
