package dev.tokensandbox.backend.traffic;

import dev.tokensandbox.protocol.admin.Exchange;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unredacted side of the newest journal entries, for the desktop's explicit "Reveal" click. It
 * lives in memory only, is bounded like the journal, and no route, log or export reads it.
 */
public final class RevealStore {
  // A ring indexed by journal id: the journal's ids are consecutive, so the newest `capacity`
  // entries never collide, and no map entries or boxed keys are kept per request (every young
  // collection of a busy server copies whatever the newest requests left behind).
  private final Exchange[] ring;
  private final long[] ids;

  public RevealStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.ring = new Exchange[capacity];
    this.ids = new long[capacity];
  }

  public synchronized void put(long id, Exchange exchange) {
    int slot = slot(id);
    ring[slot] = exchange;
    ids[slot] = id;
  }

  public synchronized Optional<Exchange> get(long id) {
    int slot = slot(id);
    return ids[slot] == id ? Optional.ofNullable(ring[slot]) : Optional.empty();
  }

  public synchronized void clear() {
    Arrays.fill(ring, null);
    Arrays.fill(ids, 0);
  }

  private int slot(long id) {
    return (int) Math.floorMod(id, (long) ring.length);
  }
}
