package dev.tokensandbox.backend.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unredacted side of the newest journal entries, for the desktop's explicit "Reveal" click. It
 * lives in memory only, is bounded like the journal, and no route, log or export reads it.
 */
public final class RevealStore {
  /** One request and answer as they were on the wire (bodies clipped to 16 KiB). */
  public record Exchange(
      Map<String, String> requestHeaders, String requestBody, String responseBody) {
    @Override
    public String toString() {
      return "Exchange[unredacted, " + requestHeaders.size() + " headers]";
    }
  }

  private final Map<Long, Exchange> exchanges;

  public RevealStore(int capacity) {
    this.exchanges =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, Exchange> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized void put(long id, Exchange exchange) {
    exchanges.put(id, exchange);
  }

  public synchronized Optional<Exchange> get(long id) {
    return Optional.ofNullable(exchanges.get(id));
  }

  public synchronized void clear() {
    exchanges.clear();
  }
}
